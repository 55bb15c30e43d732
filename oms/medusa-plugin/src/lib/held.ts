// Held units in each store's quarantine stock location (in no sales channel: visible in Medusa, never
// sold), made in Medusa itself instead of by the till after the batch: the same notes and counts as the
// till's own connector (posreturns/sync/medusa/held_stock.py), which documents the scheme. Each unit is
// noted on its inventory item (`posreturns_held_<unit>`) and on its order; the quarantine level is set
// to the count of units noted as held there, never incremented, so a retry never counts twice.
//
// The till says which units a return holds (`context.held_units`: their ids come from the return
// number, the same as its restock queue), so no disposition rule is repeated here.

import {
  createInventoryLevelsWorkflow, createStockLocationsWorkflow, deleteStockLocationsWorkflow,
  updateInventoryItemsWorkflow, updateInventoryLevelsWorkflow, updateOrderWorkflow,
} from "@medusajs/core-flows"
import { Ctx } from "./context"
import { exclusively } from "./locks"
import { qty } from "./money"
import { move } from "./stock"
import { Refused, TillEvent } from "./types"

export const HELD_KEY = "posreturns_held_"
export const QUARANTINE_OF = "posreturns_quarantine_of"
const STILL_HELD = new Set(["held", "refurbishing"])  // a manager may still act on it
// still in the store: a unit for the vendor leaves when its batch ships (RtvBatchShipped, made by the till)
const IN_QUARANTINE = new Set([...STILL_HELD, "rtv"])
const ITEM_FIELDS = ["id", "sku", "metadata", "location_levels.*"]

export interface HeldUnit { unit_id: string; sku: string; serial?: string | null; reason?: string | null;
  condition?: string | null; disposition?: string | null; note?: string | null }

export function heldUnits(event: TillEvent): HeldUnit[] {
  const units = (event.context as any)?.held_units
  return Array.isArray(units) ? units.filter((u) => u && typeof u.unit_id === "string" && u.sku) : []
}

/** The return's held units noted held at the store's quarantine, its level counted, and noted on the order. */
export async function heldAtReturn(ctx: Ctx, event: TillEvent): Promise<Record<string, unknown>> {
  const units = heldUnits(event)
  const data = event.payload.data ?? {}
  const store = String(event.payload.device?.store_id ?? "")
  const quarantine = await quarantineOf(ctx, store)
  const bySku = new Map<string, HeldUnit[]>()
  for (const unit of units) bySku.set(unit.sku, [...(bySku.get(unit.sku) ?? []), unit])
  let noted = 0
  for (const [sku, held] of bySku) {
    noted += await exclusively(ctx, `sku ${sku}`, async () => {
      const item = await itemOf(ctx, sku)
      if (!item) return 0  // not in Medusa's catalogue: nothing to show there
      const fresh: Record<string, unknown> = {}
      for (const unit of held) {  // a later move of a unit is never undone
        if (!(`${HELD_KEY}${unit.unit_id}` in (item.metadata ?? {}))) {
          fresh[`${HELD_KEY}${unit.unit_id}`] = note(store, quarantine, "held", event.event_id)
        }
      }
      if (Object.keys(fresh).length) {
        await ctx.run(updateInventoryItemsWorkflow, { updates: [{ id: item.id, metadata: fresh }] })
      }
      await setCount(ctx, Object.keys(fresh).length ? (await itemOf(ctx, sku)) ?? item : item, quarantine)
      return Object.keys(fresh).length
    })
  }
  const orderId = String(data.original_order?.id ?? "")
  if (orderId.startsWith("order_")) {
    await noteOnOrder(ctx, orderId, Object.fromEntries(units.map((u) => [`${HELD_KEY}${u.unit_id}`, {
      unit_id: u.unit_id, return_id: data.return_id ?? null, return_number: data.return_number ?? null,
      till: event.till_id, store, sku: u.sku, serial: u.serial ?? null, reason: u.reason ?? null,
      condition: u.condition ?? null, disposition: u.disposition ?? null, note: u.note ?? null, state: "held",
      held_at: event.payload.occurred_at ?? null, event_id: event.event_id }])), true)
  }
  return { held_in_medusa: noted, quarantine_location: quarantine }
}

/** HeldUnitMoved: the unit noted with its new state, the quarantine count set again, a unit released to
 * sale added to the store's level once; a unit another event already took out is refused. */
export async function heldMoved(ctx: Ctx, event: TillEvent): Promise<Record<string, unknown>> {
  const data = event.payload.data ?? {}
  const store = String(data.location ?? "")
  const sku = String(data.sku ?? "")
  const unit = String(data.unit_id)
  const quarantine = await quarantineOf(ctx, store)
  const state = String(data.to ?? data.action ?? "")
  const key = `${HELD_KEY}${unit}`
  const detail = await exclusively(ctx, `sku ${sku}`, async () => {
    let item = await itemOf(ctx, sku)
    if (!item) return { not_sent: `Medusa has no inventory item with SKU ${sku}` }
    const noted = item.metadata?.[key]
    if (noted && typeof noted === "object" && noted.event_id !== event.event_id && !STILL_HELD.has(noted.state)) {
      throw new Refused(`unit ${unit} was already ${noted.state} by ${noted.by || "someone"} at till `
        + `${noted.till || "?"} (${noted.at || "earlier"}); this action was not applied in Medusa.`)
    }
    if (!(noted && typeof noted === "object" && noted.event_id === event.event_id)) {
      await ctx.run(updateInventoryItemsWorkflow, { updates: [{ id: item.id, metadata: { [key]: note(
        store, quarantine, state, event.event_id, { by: (event.payload as any).operator_id ?? null,
          till: event.till_id, at: event.payload.occurred_at ?? null }) } }] })
      item = (await itemOf(ctx, sku)) ?? item  // with the notes other tills wrote meanwhile
    }
    const held = await setCount(ctx, item, quarantine)
    const moved: Record<string, unknown> = { quarantine_location: quarantine, held_at_quarantine: held,
      unit_state: state }
    if (data.to_bucket === "sellable") {
      const location = await ctx.locationId(store)
      if (!location) throw new Refused(`Medusa has no stock location for store ${store}`)
      moved.released_to_sale = await move(ctx, `posreturns_stock_${event.event_id}_0`, sku, location, 1)
    }
    return moved
  })
  if (detail.not_sent) return detail
  const orderId = String(data.order_id ?? "")
  if (orderId.startsWith("order_")) {
    await noteOnOrder(ctx, orderId, { [key]: { state, action: data.action ?? null,
      by: (event.payload as any).operator_id ?? null, acted_till: event.till_id,
      at: event.payload.occurred_at ?? null, event_id: event.event_id, acted_note: data.note ?? null } }, false)
  }
  return detail
}

function note(store: string, location: string, state: string, eventId: string,
              who: Record<string, unknown> = {}): Record<string, unknown> {
  return { store, location_id: location, state, held: IN_QUARANTINE.has(state), event_id: eventId, ...who }
}

async function itemOf(ctx: Ctx, sku: string): Promise<any | undefined> {
  const [item] = await ctx.graph("inventory_item", ITEM_FIELDS, { sku })
  return item
}

/** Set the quarantine level to the number of units noted as held there; returns it. */
async function setCount(ctx: Ctx, item: any, quarantine: string): Promise<number> {
  const held = Object.entries(item.metadata ?? {}).filter(([key, n]: [string, any]) => key.startsWith(HELD_KEY)
    && n && typeof n === "object" && n.held && n.location_id === quarantine).length
  const level = (item.location_levels ?? []).find((l: any) => l.location_id === quarantine)
  if (!level) {
    await ctx.run(createInventoryLevelsWorkflow, { inventory_levels: [{ inventory_item_id: item.id,
      location_id: quarantine, stocked_quantity: held }] })
  } else if (qty(level.stocked_quantity) !== held) {
    await ctx.run(updateInventoryLevelsWorkflow, { updates: [{ inventory_item_id: item.id, location_id: quarantine,
      stocked_quantity: held }] })
  }
  return held
}

/** The units' notes in the order's metadata (Medusa merges keys); an existing note is kept (`onlyNew`) or
 * updated with the move, so the order reads the unit's whole story. */
async function noteOnOrder(ctx: Ctx, orderId: string, notes: Record<string, Record<string, unknown>>,
                           onlyNew: boolean): Promise<void> {
  await exclusively(ctx, `order ${orderId}`, async () => {
    const [order] = await ctx.graph("order", ["id", "metadata"], { id: orderId })
    const metadata = order?.metadata ?? {}
    const fresh: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(notes)) {
      const old = metadata[key]
      if (old && typeof old === "object" && (onlyNew || old.event_id === value.event_id)) continue
      fresh[key] = { ...(old && typeof old === "object" ? old : {}), ...value }
    }
    if (Object.keys(fresh).length) await ctx.run(updateOrderWorkflow, { id: orderId, user_id: ctx.actor, metadata: fresh })
  })
}

/** The store's quarantine location, made the first time a unit is held there (the oldest wins when two
 * tills made one at the same moment, as the till's connector does). */
export async function quarantineOf(ctx: Ctx, store: string): Promise<string> {
  if (!(await ctx.locationId(store))) throw new Refused(`Medusa has no stock location for store ${store}`)
  return exclusively(ctx, `quarantine ${store}`, async () => {
    const found = await quarantines(ctx)
    if (found.has(store)) return found.get(store)!
    const made = await ctx.run(createStockLocationsWorkflow, { locations: [{
      name: `${store} — quarantine (posreturns, not for sale)`, metadata: { [QUARANTINE_OF]: store } }] })
    const madeId = (made as any[])?.[0]?.id
    const now = await quarantines(ctx)
    if (madeId && now.get(store) !== madeId) await ctx.run(deleteStockLocationsWorkflow, { ids: [madeId] })
    return now.get(store)!
  })
}

async function quarantines(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.graph("stock_location", ["id", "metadata", "created_at"], {})
  const chosen = new Map<string, string>()
  const sorted = [...rows].sort((a, b) => String(new Date(a.created_at).toISOString()).localeCompare(
    String(new Date(b.created_at).toISOString())) || String(a.id).localeCompare(String(b.id)))
  for (const loc of sorted) {
    const store = loc.metadata?.[QUARANTINE_OF]
    if (store && !chosen.has(String(store))) chosen.set(String(store), String(loc.id))
  }
  return chosen
}
