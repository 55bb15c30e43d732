// One writer at a time per key, in every process of Medusa: two orders' events may hold units of one SKU
// (a count read while another event notes a unit would be set wrong), two tills may return lines of one
// sale, two may make a store's quarantine location. Within a process a queue per key; across processes
// a PostgreSQL advisory lock taken on the connection of the event's own transaction (fence.ts), so an
// event uses one connection of Medusa's pool for all its locks.

import type { Ctx } from "./context"

export const ORDER_LOCKS = 0x706f7301  // advisory lock namespaces (two-key locks, apart from Medusa's own)
const KEY_LOCKS = 0x706f7302

const queues = new Map<string, Promise<unknown>>()

/** One at a time per key in this process. */
export function serially<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const mine = before.catch(() => undefined).then(work)
  const tail = mine.catch(() => undefined)
  queues.set(key, tail)
  tail.then(() => { if (queues.get(key) === tail) queues.delete(key) })
  return mine
}

/** The connection of an event's transaction, on which its locks are taken. */
export class EventLocks {
  constructor(private readonly trx: any) {}

  /** `work` holding `key` in every process; released when it ends (the event's transaction goes on). */
  async holding<T>(key: string, work: () => Promise<T>): Promise<T> {
    await this.trx.raw("SELECT pg_advisory_lock(?::int4, hashtext(?))", [KEY_LOCKS, key])
    try {
      return await work()
    } finally {
      await this.trx.raw("SELECT pg_advisory_unlock(?::int4, hashtext(?))", [KEY_LOCKS, key])
    }
  }
}

/** `work` alone for `key` among every process's events (only in this process outside an event). */
export function exclusively<T>(ctx: Ctx, key: string, work: () => Promise<T>): Promise<T> {
  const locks = ctx.locks
  return serially(key, locks ? () => locks.holding(key, work) : work)
}
