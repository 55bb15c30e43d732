// ReturnCompleted with refund method "exchange" -> a Medusa exchange at the store, resumed from whatever an
// earlier attempt left (posreturns/sync/medusa/exchange.py). Handed over at the till, the new lines are
// fulfilled from the store; delivered from the network (`exchange.delivery`, delivery.ts), they ship from
// their source: its shipping method, their reservations there, nothing fulfilled here.

import {
  beginExchangeOrderWorkflow, cancelBeginOrderExchangeWorkflow, cancelReturnReceiveWorkflow,
  confirmExchangeRequestWorkflow, createExchangeShippingMethodWorkflow, createOrderFulfillmentWorkflow,
  orderExchangeAddNewItemWorkflow, orderExchangeRequestItemReturnWorkflow, removeExchangeShippingMethodWorkflow,
  updateReservationsWorkflow,
} from "@medusajs/core-flows"
import { Ctx } from "./context"
import { cannotDeliver, deliveryOf, describeShipping, shipHome, shippingMetadata, sourceOf } from "./delivery"
import { qty } from "./money"
import { refused } from "./notes"
import { eventMetadata, otherContent, overReturn, receive, refund, wantedOf } from "./returns"
import { OrderState } from "./state"
import { EventResult, Refused, TillEvent } from "./types"

export async function applyExchange(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState,
                                    location: string): Promise<EventResult> {
  const wanted = wantedOf(data)
  const delivery = deliveryOf(data)
  let found = state.exchangeOf(event.event_id)
  if (found && otherContent(found, event)) {
    throw new Refused(otherContent(found, event)!, { medusa_exchange_id: found.id })
  }
  if (found && (state.pending("exchange", { exchange_id: found.id }) || !found.return_id)) {
    await dropExchange(ctx, state.order.id, found.id)  // never requested: start again
    found = undefined
    state = (await OrderState.read(ctx, state.order.id))!
  }
  const resumed = Boolean(found)
  let receivedBefore = false
  if (!found) {
    const problem = overReturn(state, wanted)
    if (problem) return refused(ctx, event, data, state, problem)
    if (delivery) {
      const blocked = await cannotDeliver(ctx, event, data, delivery)
      if (blocked) return blocked  // nothing made in Medusa: the manager calls the customer
      await shipHome(ctx, state.order.id, delivery)
    }
    found = await create(ctx, event, data, state, location, wanted, delivery)
  } else {
    receivedBefore = state.returns.find((r) => r.id === found.return_id)?.status === "received"
    if (state.pending("return_receive", { return_id: found.return_id })) {
      await ctx.run(cancelReturnReceiveWorkflow, { return_id: found.return_id })
    }
  }
  if (!receivedBefore) await receive(ctx, found.return_id, wanted, data)
  const fresh = (await OrderState.read(ctx, state.order.id))!
  const own = await newLines(ctx, found.id)
  const handed = delivery  // delivered: the source ships it, its units reserved there, nothing handed over here
    ? await reserveAt(ctx, unfulfilled(fresh, data, own).map((i) => i.id), (await sourceOf(ctx, delivery)) ?? location)
    : await fulfil(ctx, fresh, data, own, location)
  const refunds = await refund(ctx, event, data, fresh)
  return { event_id: event.event_id,
    outcome: resumed && receivedBefore && !handed && !refunds ? "duplicate" : "applied",
    detail: { medusa_exchange_id: found.id, medusa_return_id: found.return_id } }
}

async function create(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState, location: string,
                      wanted: ReturnType<typeof wantedOf>, delivery: Record<string, any> | undefined,
): Promise<{ id: string; return_id: string }> {
  const outbound = []
  for (const line of data.exchange?.lines ?? []) {
    const [variant] = await ctx.graph("product_variant", ["id", "sku"], { sku: line.sku })
    if (!variant) throw new Refused(`Medusa has no variant with SKU ${line.sku}`)
    outbound.push({ variant_id: variant.id, quantity: Number(line.qty) })
  }
  const option = await ctx.outboundOption((delivery ? await sourceOf(ctx, delivery) : undefined) ?? location)
  const metadata = { ...eventMetadata(event, data), ...(delivery ? shippingMetadata(delivery, location) : {}) }
  const change = await ctx.run(beginExchangeOrderWorkflow, { order_id: state.order.id, created_by: ctx.actor,
    metadata, description: `${delivery ? "Delivered" : "In-store"} exchange ${data.return_number}` })
  const exchangeId = change.exchange_id
  try {
    const inbound = []
    for (const w of wanted) {
      const reason = await ctx.reasonId(w.reason)
      inbound.push({ id: w.line, quantity: w.qty, ...(reason ? { reason_id: reason } : {}) })
    }
    await ctx.run(orderExchangeRequestItemReturnWorkflow, { exchange_id: exchangeId, location_id: location,
      items: inbound })
    await ctx.run(orderExchangeAddNewItemWorkflow, { exchange_id: exchangeId, items: outbound })
    const preview = await ctx.run(createExchangeShippingMethodWorkflow, { exchange_id: exchangeId,
      shipping_option_id: option, custom_amount: 0 })
    if (delivery) await describeShipping(ctx, exchangeId, preview, delivery, location)
  } catch (error) {
    await dropExchange(ctx, state.order.id, exchangeId)  // an open exchange locks the order
    throw error
  }
  await ctx.run(confirmExchangeRequestWorkflow, { exchange_id: exchangeId, confirmed_by: ctx.actor })
  const [exchange] = await ctx.graph("order_exchange", ["id", "return_id"], { id: exchangeId })
  return { id: exchangeId, return_id: exchange.return_id }
}

/** Cancel an exchange never requested. Medusa 2.21's cancel leaves the exchange's shipping methods on the
 * order (it deletes them by their action's id), where a delivery's would read as a second parcel: they are
 * removed first (exchange.py drop_exchange). */
async function dropExchange(ctx: Ctx, orderId: string, exchangeId: string): Promise<void> {
  const changes = await ctx.graph("order_change", ["id", "status", "exchange_id", "actions.*"],
    { order_id: orderId, exchange_id: exchangeId })
  for (const change of changes.filter((c) => c.status === "pending" || c.status === "requested")) {
    for (const action of (change.actions ?? []).filter((a: any) => a.action === "SHIPPING_ADD")) {
      await ctx.run(removeExchangeShippingMethodWorkflow, { exchange_id: exchangeId, action_id: action.id })
    }
  }
  await ctx.run(cancelBeginOrderExchangeWorkflow, { exchange_id: exchangeId })
}

/** The exchange's new lines still unfulfilled, handed over from the store; true when done now. */
async function fulfil(ctx: Ctx, state: OrderState, data: Record<string, any>, own: Set<string>,
                      location: string): Promise<boolean> {
  const items = unfulfilled(state, data, own)
  if (items.length) {
    await reserveAt(ctx, items.map((i) => i.id), location)
    await ctx.run(createOrderFulfillmentWorkflow, { order_id: state.order.id, items, location_id: location,
      no_notification: ctx.noNotification, created_by: ctx.actor })
  }
  return items.length > 0
}

/** The order lines this exchange added (a delivered exchange's stay unfulfilled: another exchange of the
 * same size on the order must not take them for its own). */
async function newLines(ctx: Ctx, exchangeId: string): Promise<Set<string>> {
  const [exchange] = await ctx.graph("order_exchange", ["id", "additional_items.*"], { id: exchangeId })
  return new Set((exchange?.additional_items ?? []).map((i: any) => String(i.item_id)))
}

/** The exchange's new lines (`own`, by SKU) not yet fulfilled, with the quantity left of each. */
function unfulfilled(state: OrderState, data: Record<string, any>,
                     own: Set<string>): { id: string; quantity: number }[] {
  const wanted = new Map<string, number>((data.exchange?.lines ?? []).map((x: any) => [x.sku, Number(x.qty)]))
  const items = []
  for (const item of state.order.items ?? []) {
    const left = qty(item.detail?.quantity) - qty(item.detail?.fulfilled_quantity)
    const want = wanted.get(item.variant_sku) ?? 0
    if (own.has(item.id) && left > 0 && want > 0) {
      const take = Math.min(left, want)
      wanted.set(item.variant_sku, want - take)
      items.push({ id: item.id, quantity: take })
    }
  }
  return items
}

/** Medusa reserves new lines in any store with stock: they are moved to the store that hands the unit over
 * (or the source that ships it). Medusa refuses to move one into a location whose count is already short
 * ("Not enough stock available", e.g. a unit sold there that Medusa did not know of): it is then left where
 * it is — a fulfilment from the store still takes the unit from the store's level and releases the
 * reservation wherever it sits (exchange.py _reserve_here). True when one was moved now. */
async function reserveAt(ctx: Ctx, lineIds: string[], location: string): Promise<boolean> {
  if (!lineIds.length) return false
  const found = await ctx.graph("reservation", ["id", "location_id"], { line_item_id: lineIds })
  let moved = false
  for (const reservation of found.filter((r) => r.location_id !== location)) {
    try {
      await ctx.run(updateReservationsWorkflow, { updates: [{ id: reservation.id, location_id: location }] })
      moved = true
    } catch (error) {
      if (!(error instanceof Refused) || !/not enough stock available/i.test(error.message)) throw error
    }
  }
  return moved
}
