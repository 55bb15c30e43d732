// The fencing tokens of the tills' uploaders, per till database ("uploader"): each new holder of a till's
// upload lease has a larger token. They live in PostgreSQL (table posreturns_fence, made on first use),
// not in a Node process, so that every process of a Medusa started with `--cluster N` sees the newest:
//
// * a batch is admitted when its token is the newest (a larger one is written in one upsert that keeps
//   the greatest); a batch with a smaller token is refused, whichever process it reaches;
// * each event is applied in a transaction of ours that holds the uploader's fence row FOR SHARE (and the
//   event's order locks, below), and checks the token under it. Writing a newer token needs that row
//   exclusively, so it waits for the events already under way and every later event of the old uploader
//   sees the newer token and is not attempted: an old and a new uploader never apply events at once.
//
// The order locks are PostgreSQL advisory locks (the order's key and its Medusa order), held for the
// event: two tills' events of one sale are applied one after the other in whatever process they reach.

import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { EventLocks, ORDER_LOCKS } from "./locks"
import type { TillEvent } from "./types"

type Knex = any  // Medusa's shared knex instance (PG_CONNECTION); its types are not among our dependencies

const TABLE = "posreturns_fence"
const WAIT = "60s"  // longer than any one event takes; a wait past it ends the event as "retry"
let made: Promise<void> | undefined

export function database(container: MedusaContainer): Knex {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
}

function ready(pg: Knex): Promise<void> {
  made ??= pg.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (uploader text PRIMARY KEY, token bigint NOT NULL, `
    + "updated_at timestamptz NOT NULL DEFAULT now())").then(() => undefined, (error: any) => {
    made = undefined
    // two processes creating it at the same moment: the other one made it
    if (error?.code !== "23505" && error?.code !== "42P07") throw error
  })
  return made!
}

/** null when `token` may act for `uploader` (and it is recorded); else the newest token recorded. */
export async function admit(container: MedusaContainer, uploader: string, token: number): Promise<number | null> {
  const pg = database(container)
  await ready(pg)
  const { rows } = await pg.raw(`SELECT token FROM ${TABLE} WHERE uploader = ?`, [uploader])
  const known = rows[0] ? Number(rows[0].token) : undefined
  if (known !== undefined && known >= token) return known > token ? known : null  // no write, no wait
  return pg.transaction(async (trx: Knex) => {
    await trx.raw(`SET LOCAL lock_timeout = '${WAIT}'`)
    const written = await trx.raw(`INSERT INTO ${TABLE} (uploader, token) VALUES (?, ?) ON CONFLICT (uploader) `
      + `DO UPDATE SET token = GREATEST(${TABLE}.token, EXCLUDED.token), updated_at = now() RETURNING token`,
    [uploader, token])
    const newest = Number(written.rows[0].token)
    return newest > token ? newest : null
  })
}

/** The Medusa order an event is about, when it names one. */
export function medusaOrderOf(event: TillEvent): string | undefined {
  const data = event.payload?.data ?? {}
  const id = String(data.original_order?.id ?? data.order_id ?? "")
  return id.startsWith("order_") ? id : undefined
}

/** `work` under the uploader's fence and the event's order locks; `stale` (not run) when a newer uploader
 * of this till holds the lease. */
export async function underFence<T>(container: MedusaContainer, uploader: string, token: number, event: TillEvent,
                                    stale: T, work: (locks: EventLocks) => Promise<T>): Promise<T> {
  const pg = database(container)
  await ready(pg)
  const keys = [...new Set([event.order_key, medusaOrderOf(event)].filter((k): k is string => !!k))].sort()
  return pg.transaction(async (trx: Knex) => {
    await trx.raw(`SET LOCAL lock_timeout = '${WAIT}'`)
    for (const key of keys) await trx.raw("SELECT pg_advisory_xact_lock(?::int4, hashtext(?))", [ORDER_LOCKS, key])
    const { rows } = await trx.raw(`SELECT token FROM ${TABLE} WHERE uploader = ? FOR SHARE`, [uploader])
    if (rows[0] && Number(rows[0].token) > token) return stale
    return work(new EventLocks(trx))
  })
}
