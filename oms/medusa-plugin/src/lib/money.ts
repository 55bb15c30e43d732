// Amounts: the till sends integer minor units; Medusa takes major units. Converted as text, never
// through a binary float.

const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
}

export function exponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2
}

export function major(minor: number | string | null | undefined, currency: string): string {
  const units = BigInt(Math.trunc(Number(minor ?? 0)))
  const places = exponent(currency)
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0")
  const whole = digits.slice(0, digits.length - places)
  const fraction = places ? "." + digits.slice(digits.length - places) : ""
  return (negative ? "-" : "") + whole + fraction
}

export function qty(value: unknown): number {
  if (value && typeof value === "object" && "numeric" in (value as any)) {
    return Number((value as any).numeric)
  }
  return Number(value ?? 0) || 0
}
