// Notes where head office looks: the metadata of the order and of the customer
// (posreturns/sync/medusa/notes.py). A refused return (money that left a till without Medusa
// recording it), a manager's resolution of it, and store-credit vouchers (and their voiding).

import { updateCustomersWorkflow, updateOrderWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"
import { major } from "./money"
import { OrderState, RETURN_FIELDS } from "./state"
import { EventResult, MARKER, TillEvent } from "./types"

type Target = { kind: "order" | "customer"; id: string }

function targets(orderId: unknown, customerId: unknown): Target[] {
  const found: Target[] = []
  if (String(orderId ?? "").startsWith("order_")) found.push({ kind: "order", id: String(orderId) })
  if (String(customerId ?? "").startsWith("cus_")) found.push({ kind: "customer", id: String(customerId) })
  return found
}

/** `writeOne` on the event's order and customer (each answers "already there" or what it did): a duplicate
 * when every note was there already (notes.py _on_targets). */
async function onTargets(event: TillEvent, extra: Record<string, unknown>,
                         writeOne: (target: Target) => Promise<string>): Promise<EventResult> {
  const data = event.payload.data ?? {}
  const found = targets(data.order_id, data.customer_id)
  if (!found.length) {
    return { event_id: event.event_id, outcome: "applied",
      detail: { recorded: "on the till only: no Medusa order or customer" } }
  }
  const done: Record<string, string> = {}
  for (const target of found) done[target.kind] = await writeOne(target)
  const already = Object.values(done).every((s) => s === "already there")
  return { event_id: event.event_id, outcome: already ? "duplicate" : "applied", detail: { ...extra, ...done } }
}

async function metadataOf(ctx: Ctx, target: Target): Promise<Record<string, any> | null> {
  const [record] = await ctx.graph(target.kind, ["id", "metadata"], { id: target.id })
  return record ? record.metadata ?? {} : null
}

async function write(ctx: Ctx, target: Target, metadata: Record<string, unknown>): Promise<void> {
  if (target.kind === "order") {
    await ctx.run(updateOrderWorkflow, { id: target.id, user_id: ctx.actor, metadata })
  } else {
    await ctx.run(updateCustomersWorkflow, { selector: { id: target.id }, update: { metadata } })
  }
}

function keyOf(metadata: Record<string, any>, key: string, eventId: unknown): string | null {
  for (const candidate of [key, `${key}_${String(eventId).slice(0, 8)}`]) {
    if (metadata[candidate]?.event_id === eventId) return candidate
  }
  return null
}

/** Write the note unless this event's note is there; a key taken by another event gets the event's id. */
async function note(ctx: Ctx, target: Target, key: string, value: Record<string, any>): Promise<string> {
  const metadata = await metadataOf(ctx, target)
  if (metadata === null) return "not in Medusa"
  if (keyOf(metadata, key, value.event_id)) return "already there"
  const free = key in metadata ? `${key}_${String(value.event_id).slice(0, 8)}` : key
  await write(ctx, target, { [free]: value })
  return "recorded"
}

export async function refused(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState,
                              problem: Record<string, any>): Promise<EventResult> {
  const currency = String(data.currency ?? ctx.currency)
  const codes = await ctx.storeCodes()
  const returns = state.complete ? state.returns  // a first attempt read only the order
    : await ctx.graph("return", RETURN_FIELDS, { order_id: state.order.id })
  const competing = problem.line ? returns
    .filter((r) => !r.canceled_at && r.metadata?.[MARKER] !== event.event_id
      && (r.items ?? []).some((i: any) => i.item_id === problem.line))
    .map((r) => ({ medusa_return_id: r.id, medusa_display_id: r.display_id,
      return_number: r.metadata?.posreturns_return_number ?? null, till: r.metadata?.posreturns_till ?? null,
      store: codes.get(r.location_id) ?? r.location_id ?? null, status: r.status,
      at: r.received_at ?? r.created_at, qty: (r.items ?? []).filter((i: any) => i.item_id === problem.line)
        .reduce((sum: number, i: any) => sum + Number(i.quantity ?? 0), 0) })) : []
  const value = { status: "refused", reason: problem.message, return_number: data.return_number ?? null,
    event_id: event.event_id, till: event.payload.device?.till_id ?? event.till_id,
    store: event.payload.device?.store_id ?? null, occurred_at: event.payload.occurred_at ?? null,
    offline: Boolean(event.payload.offline), amount: major(data.refund_total_minor, currency), currency,
    tenders: (data.tenders ?? []).map((t: any) => ({ method: t.method, amount: major(t.amount_minor, currency) })),
    line: problem.line ? { sku: problem.sku ?? null, asked: problem.asked ?? null, left: problem.left ?? null } : null,
    competing }
  const key = `posreturns_refused_${data.return_number ?? event.event_id}`
  const noted: Record<string, string> = {}
  for (const target of targets(state.order.id, state.order.customer_id)) {
    noted[target.kind] = await note(ctx, target, key, value)
  }
  return { event_id: event.event_id, outcome: "rejected", reason: problem.message,
    detail: { conflict: value, noted, customer_id: state.order.customer_id ?? null,
      customer_email: state.order.email ?? null } }
}

export async function resolved(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  const data = event.payload.data ?? {}
  const key = `posreturns_refused_${data.return_number ?? data.refused_event_id}`
  const resolution = { resolution: data.resolution, by: data.resolved_by, note: data.note ?? null,
    at: event.payload.occurred_at ?? null, event_id: event.event_id }
  return onTargets(event, {}, async (target) => {
    const metadata = await metadataOf(ctx, target)
    if (metadata === null) return "not in Medusa"
    const at = keyOf(metadata, key, data.refused_event_id) ?? key
    const current = typeof metadata[at] === "object" && metadata[at] ? { ...metadata[at] }
      : { status: "refused", event_id: data.refused_event_id }
    if ((current.resolutions ?? []).some((r: any) => r.event_id === event.event_id)) return "already there"
    current.resolutions = [...(current.resolutions ?? []), resolution]
    current.status = ({ dismiss: "dismissed", retry: "sent again" } as Record<string, string>)[data.resolution]
      ?? "resolved"
    await write(ctx, target, { [at]: current })
    return "recorded"
  })
}

export async function voucher(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  const data = event.payload.data ?? {}
  const code = String(data.code ?? event.event_id)
  const currency = String(data.currency ?? ctx.currency)
  const value = { amount: major(data.amount_minor, currency), currency, return_number: data.return_number ?? null,
    event_id: event.event_id }
  return onTargets(event, { voucher: code }, (target) => note(ctx, target, `posreturns_voucher_${code}`, value))
}

/** The key of the voucher's note (notes.py voucher_key): the one the same return wrote, never another's. */
function voucherKey(metadata: Record<string, any>, code: string, returnNumber: unknown, eventId: string): string {
  const key = `posreturns_voucher_${code}`
  for (const [candidate, value] of Object.entries(metadata)) {
    if ((candidate === key || candidate.startsWith(`${key}_`)) && value && typeof value === "object"
      && returnNumber && value.return_number === returnNumber) return candidate
  }
  return key in metadata ? `${key}_${eventId.slice(0, 8)}` : key
}

export async function voided(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  const data = event.payload.data ?? {}
  const code = String(data.code ?? event.event_id)
  const voiding = { by: data.voided_by ?? null, at: event.payload.occurred_at ?? null, note: data.note ?? null,
    event_id: event.event_id }
  return onTargets(event, { voucher: code }, async (target) => {
    const metadata = await metadataOf(ctx, target)
    if (metadata === null) return "not in Medusa"
    const key = voucherKey(metadata, code, data.return_number, event.event_id)
    const current = metadata[key] && typeof metadata[key] === "object" ? { ...metadata[key] }
      : { return_number: data.return_number ?? null }
    if (current.voided?.event_id === event.event_id) return "already there"
    await write(ctx, target, { [key]: { ...current, status: "void", voided: voiding } })
    return "recorded"
  })
}
