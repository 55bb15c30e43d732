// The fencing tokens of the tills' uploaders, per till database ("uploader"): each new holder of a
// till's upload lease has a larger token. A batch with a token smaller than one already seen comes
// from an uploader that lost its lease: it is refused, and a batch under way stops between events
// when a newer one arrives. Kept in memory: a restart of Medusa also ends every batch under way.

const highest = new Map<string, number>()

/** null when `token` may act for `uploader` (and it is remembered); else the newest token seen. */
export function admit(uploader: string, token: number): number | null {
  const newest = highest.get(uploader) ?? 0
  if (token < newest) return newest
  highest.set(uploader, token)
  return null
}

export function stillHeld(uploader: string, token: number): () => boolean {
  return () => (highest.get(uploader) ?? 0) <= token
}
