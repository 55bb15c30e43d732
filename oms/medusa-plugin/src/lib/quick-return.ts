// A return whose every unit goes back on sale, made with two of the order module's own actions instead
// of Medusa's eight return workflows (begin, no_notification, request, confirm; begin receive, receive,
// dismiss, confirm): createReturn (the return requested with its items, reasons and notes, and its
// change confirmed, in one transaction) and receiveReturn (received, likewise), then the restock at the
// store and the events the workflows emit. The workflows end in the same records; what they add is an
// order preview and a few order reads per step, where Medusa spent most of a return's time.
//
// `createAndCompleteReturnOrderWorkflow` does not fit: it needs a return shipping option and makes a
// fulfillment, keeps neither the return's metadata nor no_notification, never restocks, and its
// `receive_now` receives every line of the order in full, not the returned quantities.
//
// Resumable like the rest: the event's marker is on the request's change (written in the return's own
// transaction) and then on the return; the receive's change says it was received here; each line's
// restock is noted on its inventory items before the units go back (the note the till's Admin API path
// writes when it restocks such a return), and the return is marked restocked once they are back (the
// notes then removed), so a resume by either path restocks a received return exactly once.
// (Marking the return once, at the restock, saves 4 statements, but a return received and not yet
// restocked would then carry neither the marker nor the till's report fields, and once received the
// Admin API cannot add them: a till that lost the plugin meanwhile would leave it so.)

import { InventoryLevelWorkflowEvents, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { cancelReturnWorkflow, createOrUpdateOrderPaymentCollectionWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"
import { exclusively } from "./locks"
import { qty } from "./money"
import type { Wanted } from "./returns"
import { OrderState } from "./state"
import { MARKER, Refused, TillEvent } from "./types"

export const RECEIVED_HERE = "posreturns_quick_receive"  // on the receive's change: the restock is ours to make
export const RESTOCKED = "posreturns_restocked"  // on the return: its units are back at the store
const OPEN_COLLECTIONS = new Set(["not_paid", "awaiting", "authorized", "partially_authorized"])

/** Every unit back on sale: nothing to dismiss (held or damaged units take the workflows' way). */
export function quick(wanted: Wanted[]): boolean {
  return wanted.length > 0 && wanted.every((w) => w.qty > 0 && w.restock === w.qty)
}

/** The return requested with its items, or null when another return of the same units got there first
 * (ours is cancelled: the caller refuses the event as an over-return). */
export async function requestQuick(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState,
                                   location: string, wanted: Wanted[], metadata: Record<string, unknown>)
  : Promise<any | null> {
  await restockPlan(ctx, state, wanted, location)  // a SKU not stocked at the store refuses before anything
  const orders: any = ctx.container.resolve(Modules.ORDER)
  const items: Record<string, unknown>[] = []
  for (const w of wanted) {
    const reason = await ctx.reasonId(w.reason)
    items.push({ id: w.line, quantity: w.qty, ...(reason ? { reason_id: reason } : {}),
      ...(w.note ? { note: w.note, internal_note: w.note } : {}) })
  }
  const orderId = state.order.id
  return exclusively(ctx, `return of ${orderId}`, async () => {
    const made: any = await ctx.call("order module: createReturn", () => orders.createReturn({
      order_id: orderId, location_id: location, items, no_notification: ctx.noNotification,
      created_by: ctx.actor, requested_at: new Date(), metadata,
      description: `In-store return ${data.return_number}`, internal_note: `posreturns event ${event.event_id}` }))
    ctx.reached("created")
    await markReturn(ctx, made.id, { ...metadata }, { created_by: ctx.actor })
    // the workflows refuse an over-return while the request is open; here the return is whole at once,
    // so a return of the same units made meanwhile (another till, the Admin API) is caught after it
    const [after] = await ctx.graph("order", ["id", "items.id", "items.detail.*"], { id: orderId })
    const now = new OrderState(after ?? state.order, [], [], [], false)
    if (wanted.some((w) => (now.left(w.line) ?? 0) < 0)) {
      await ctx.run(cancelReturnWorkflow, { return_id: made.id, no_notification: true })
      return null
    }
    await emit(ctx, OrderWorkflowEvents.RETURN_REQUESTED, [{ order_id: orderId, return_id: made.id }])
    ctx.reached("requested")
    return { id: made.id, status: "requested", location_id: location, metadata }
  })
}

/** Received in full, then restocked. */
export async function receiveQuick(ctx: Ctx, event: TillEvent, found: any, state: OrderState, wanted: Wanted[],
                                   data: Record<string, any>): Promise<void> {
  const orders: any = ctx.container.resolve(Modules.ORDER)
  await ctx.call("order module: receiveReturn", () => orders.receiveReturn({ return_id: found.id,
    items: wanted.map((w) => ({ id: w.line, quantity: w.qty })), created_by: ctx.actor,
    reference: "return", reference_id: found.id, metadata: { [RECEIVED_HERE]: event.event_id },
    internal_note: `Received in store, return ${data.return_number}` }))
  ctx.reached("received")
  await restockQuick(ctx, found, state, wanted, event.event_id)
}

/** A return received here but not yet restocked (the attempt stopped in between). */
export function restockPending(state: OrderState, found: any, eventId: string): boolean {
  return found.status === "received" && found.metadata?.[RESTOCKED] !== true && state.changes.some((c) =>
    c.return_id === found.id && c.change_type === "return_receive" && c.metadata?.[RECEIVED_HERE] === eventId)
}

/** The returned units back in the store's stock (what confirmReturnReceiveWorkflow adjusts), the return
 * marked restocked, the order's open payment collection brought to its new balance, the events sent. */
export async function restockQuick(ctx: Ctx, found: any, state: OrderState, wanted: Wanted[],
                                   eventId: string): Promise<void> {
  const location = String(found.location_id)
  const plan = await restockPlan(ctx, state, wanted, location)
  const inventory: any = ctx.container.resolve(Modules.INVENTORY)
  const locking: any = ctx.container.resolve(Modules.LOCKING)
  // under the items' lock: the notes are read and written whole, and another order's return of the same
  // SKU (four orders are applied side by side) must not write its own in between
  const levels: any[] = plan.length ? await locking.execute([...new Set(plan.map((p) => p.inventoryItemId))],
    async () => {
      const owed = await owedOnly(ctx, eventId, plan)
      return owed.length ? ctx.call("inventory module: adjustInventory", () => inventory.adjustInventory(
        owed.map(({ inventoryItemId, locationId, adjustment }) => ({ inventoryItemId, locationId, adjustment }))))
        : []
    }) : []
  ctx.reached("restocked")
  await markReturn(ctx, found.id, { ...(found.metadata ?? {}), [RESTOCKED]: true })
  if (plan.length) {  // the return says it now: its notes would only grow the items' metadata return after return
    await ctx.call("inventory module: updateInventoryItems", () => inventory.updateInventoryItems(
      [...noteKeys(eventId, plan)].map(([id, keys]) => ({ id, metadata: Object.fromEntries(keys.map((k) => [k, ""])) }))))
  }
  const orderId = state.order.id
  if ((state.order.payment_collections ?? []).some((c: any) => OPEN_COLLECTIONS.has(c.status))) {
    await ctx.run(createOrUpdateOrderPaymentCollectionWorkflow, { order_id: orderId })
  }
  await emit(ctx, OrderWorkflowEvents.RETURN_RECEIVED, [{ order_id: orderId, return_id: found.id }])
  if (levels.length) {
    await emit(ctx, InventoryLevelWorkflowEvents.UPDATED, levels.map((l) => ({ id: l.id, order_id: orderId })))
  }
}

/** The return's metadata (and other fields) written whole; its marker goes first. */
export async function markReturn(ctx: Ctx, returnId: string, metadata: Record<string, unknown>,
                                  fields: Record<string, unknown> = {}): Promise<void> {
  const orders: any = ctx.container.resolve(Modules.ORDER)
  await ctx.call("order module: updateReturns", () => orders.updateReturns([{ selector: { id: returnId },
    data: { ...fields, metadata } }]))
}

interface Adjustment { inventoryItemId: string; locationId: string; adjustment: number; line: string }

function noteKey(eventId: string, line: string): string {
  return `posreturns_stock_${eventId}_${line}`
}

/** Inventory item id -> the keys of this event's notes on it ("" removes a key: Medusa's metadata merge). */
function noteKeys(eventId: string, plan: Adjustment[]): Map<string, string[]> {
  const keys = new Map<string, string[]>()
  for (const p of plan) keys.set(p.inventoryItemId, [...(keys.get(p.inventoryItemId) ?? []), noteKey(eventId, p.line)])
  return keys
}

/** The plan less what is back already, each line's intent noted on its inventory items first: the same
 * note, `posreturns_stock_<event>_<line>` (location, level before, level after), as the till's Admin API
 * path writes when it restocks such a return (posreturns/sync/medusa/quick_leftovers.py), so that either
 * path resuming the other's restock finds it. A line is back when its item's level no longer reads the
 * note's level before (the notes of one item chain: each one's level before is the previous one's after). */
async function owedOnly(ctx: Ctx, eventId: string, plan: Adjustment[]): Promise<Adjustment[]> {
  if (!plan.length) return plan
  const rows = await ctx.graph("inventory_item", ["id", "metadata", "location_levels.location_id",
    "location_levels.stocked_quantity"], { id: [...new Set(plan.map((p) => p.inventoryItemId))] })
  const items = new Map(rows.map((r) => [r.id, r]))
  const running = new Map<string, number>()
  const owed: Adjustment[] = []
  const notes = new Map<string, Record<string, unknown>>()
  for (const p of plan) {
    const item = items.get(p.inventoryItemId)
    const level = running.get(p.inventoryItemId) ?? qty((item?.location_levels ?? [])
      .find((l: any) => l.location_id === p.locationId)?.stocked_quantity)
    const key = noteKey(eventId, p.line)
    const note = item?.metadata?.[key]
    if (note && typeof note === "object") {
      if (Number(note.before) !== level) continue  // put back already, by this path or the Admin API's
    } else {
      notes.set(p.inventoryItemId, { ...(notes.get(p.inventoryItemId) ?? {}), [key]: { location_id: p.locationId,
        before: level, after: level + p.adjustment, delta: p.adjustment } })
    }
    running.set(p.inventoryItemId, level + p.adjustment)
    owed.push(p)
  }
  if (notes.size) {
    const inventory: any = ctx.container.resolve(Modules.INVENTORY)
    await ctx.call("inventory module: updateInventoryItems", () => inventory.updateInventoryItems(
      [...notes].map(([id, metadata]) => ({ id, metadata }))))  // Medusa merges the keys into the item's
  }
  return owed
}

/** Per returned line, each inventory item of its variant (when Medusa manages its stock) up by the units
 * times the item's required quantity, at the store; a variant not stocked there is refused. */
async function restockPlan(ctx: Ctx, state: OrderState, wanted: Wanted[], location: string): Promise<Adjustment[]> {
  const plan: Adjustment[] = []
  for (const w of wanted) {
    const item = (state.order.items ?? []).find((i: any) => i.id === w.line)
    if (!item?.variant_id) continue
    const variant = await ctx.shared.once(`variant ${item.variant_id}`, async () => {
      const [row] = await ctx.graph("product_variant", ["id", "manage_inventory", "inventory_items.inventory_item_id",
        "inventory_items.required_quantity", "inventory_items.inventory.location_levels.location_id"],
      { id: item.variant_id })
      return row ?? null
    })
    if (!variant?.manage_inventory) continue
    for (const link of variant.inventory_items ?? []) {
      const levels = link.inventory?.location_levels ?? []
      if (!levels.some((l: any) => l.location_id === location)) {
        throw new Refused(`Cannot receive the return at location ${location}: ${w.sku ?? item.variant_id} is not `
          + "stocked there in Medusa.")
      }
      plan.push({ inventoryItemId: link.inventory_item_id, locationId: location, line: w.line,
        adjustment: w.restock * (qty(link.required_quantity) || 1) })
    }
  }
  return plan
}

async function emit(ctx: Ctx, name: string, data: Record<string, unknown>[]): Promise<void> {
  const bus: any = ctx.container.resolve(Modules.EVENT_BUS)
  await bus.emit(data.map((d) => ({ name, data: d })))
}

/** The return our event made but did not mark yet (it stopped in between), found by its request's
 * marker, with the metadata it was made with (`unmarked`: to be written on it). */
export function byChangeMarker(state: OrderState, eventId: string): any | undefined {
  const change = state.changes.find((c) => c.change_type === "return_request" && c.metadata?.[MARKER] === eventId)
  const made = change && state.returns.find((r) => r.id === change.return_id && !r.canceled_at)
  return made ? { ...made, metadata: change.metadata, unmarked: true } : undefined
}
