// StockAdjusted: moved in Medusa by the return itself, unless its return was dismissed (it never reached
// Medusa): then the sellable units are added to the store's level, once, with an intent note
// (posreturns/sync/medusa/stock.py).

import { updateInventoryItemsWorkflow, updateInventoryLevelsWorkflow, createInventoryLevelsWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"
import { qty } from "./money"
import { EventResult, Refused, TillEvent } from "./types"

const COVERED = new Set(["return", "exchange", "exchange_delivery"])

export async function applyStock(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  const deltas: any[] = event.payload.data?.deltas ?? []
  const other = deltas.find((d) => !COVERED.has(d.reason))
  if (other) {
    throw new Refused(`Medusa is only sent stock moves of returns and exchanges, not '${other.reason}' for `
      + `${other.sku}; set that level in Medusa by hand.`)
  }
  if (!event.context?.released_by) {
    return { event_id: event.event_id, outcome: "applied", detail: { covered_by_returns: deltas.length } }
  }
  let moved = 0
  let already = 0
  for (const [index, delta] of deltas.entries()) {
    if (delta.bucket !== "sellable" || !Number(delta.delta)) continue
    if (delta.reason === "exchange_delivery") continue  // reserved at its source by the exchange, never made
    const location = await ctx.locationId(delta.location)
    if (!location) throw new Refused(`Medusa has no stock location for store ${delta.location}.`)
    if (await move(ctx, `posreturns_stock_${event.event_id}_${index}`, String(delta.sku), location, Number(delta.delta))) {
      moved += 1
    } else {
      already += 1
    }
  }
  return { event_id: event.event_id, outcome: already && !moved ? "duplicate" : "applied",
    detail: { moved_in_medusa: moved, already_moved: already,
      why: "its return was dismissed, so Medusa never received it" } }
}

export async function move(ctx: Ctx, key: string, sku: string, location: string, delta: number): Promise<boolean> {
  const [item] = await ctx.graph("inventory_item", ["id", "sku", "metadata", "location_levels.*"], { sku })
  if (!item) throw new Refused(`Medusa has no inventory item with SKU ${sku}`)
  const level = (item.location_levels ?? []).find((l: any) => l.location_id === location)
  const current = level ? qty(level.stocked_quantity) : 0
  const intent = item.metadata?.[key]
  let after: number
  if (intent && typeof intent === "object") {
    if (current !== Number(intent.before)) return false  // set already: never added twice
    after = Number(intent.after)
  } else {
    after = Math.max(current + delta, 0)
    await ctx.run(updateInventoryItemsWorkflow, { updates: [{ id: item.id,
      metadata: { [key]: { location_id: location, before: current, after, delta } } }] })  // Medusa merges keys
  }
  if (level) {
    await ctx.run(updateInventoryLevelsWorkflow, { updates: [{ inventory_item_id: item.id, location_id: location,
      stocked_quantity: after }] })
  } else {
    await ctx.run(createInventoryLevelsWorkflow, { inventory_levels: [{ inventory_item_id: item.id,
      location_id: location, stocked_quantity: after }] })
  }
  return true
}
