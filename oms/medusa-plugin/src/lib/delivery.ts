// The delivered part of an exchange (`data.exchange.delivery`): the replacement leaves another store or the
// warehouse for the customer's home, or for the till's store where the customer collects it
// (posreturns/sync/medusa/delivery.py, which this mirrors step for step).
//
// Before anything is made, the source must still hold the replacement (stocked less reserved): a promise
// made offline may find it gone, and then nothing is made and the event is refused for the manager, who
// calls the customer (the contact is in the till's exception queue, never in the refusal's text). Otherwise
// the order's shipping address becomes the customer's (home), the exchange's shipping method is the
// source's with the delivery in its metadata, and the new lines' reservations sit at the source, which
// ships them: nothing is fulfilled here.

import { updateExchangeShippingMethodWorkflow, updateOrderWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"
import { qty } from "./money"
import { EventResult, TillEvent } from "./types"

export function deliveryOf(data: Record<string, any>): Record<string, any> | undefined {
  const found = data.exchange?.delivery
  return found && typeof found === "object" && !Array.isArray(found) ? found : undefined
}

export function sourceOf(ctx: Ctx, delivery: Record<string, any>): Promise<string | undefined> {
  return ctx.locationId(String(delivery.source ?? ""))
}

/** The refusal when the source no longer holds a replacement (or is not in Medusa); null when it can. */
export async function cannotDeliver(ctx: Ctx, event: TillEvent, data: Record<string, any>,
                                    delivery: Record<string, any>): Promise<EventResult | null> {
  const source = await sourceOf(ctx, delivery)
  const name = delivery.source_name || delivery.source
  if (!source) {
    return exception(event, data, delivery, `Medusa has no stock location ${delivery.source} to deliver from`)
  }
  for (const line of data.exchange?.lines ?? []) {
    const left = await available(ctx, String(line.sku), source)
    if (left < Number(line.qty)) {
      return exception(event, data, delivery,
        `${name} no longer has ${line.sku} in Medusa (${left} available, ${line.qty} promised)`)
    }
  }
  return null
}

async function available(ctx: Ctx, sku: string, location: string): Promise<number> {
  const items = await ctx.graph("inventory_item", ["id", "sku", "location_levels.*"], { sku })
  for (const item of items) {
    const level = (item.location_levels ?? []).find((l: any) => l.location_id === location)
    if (level) return qty(level.stocked_quantity) - qty(level.reserved_quantity)
  }
  return 0
}

function exception(event: TillEvent, data: Record<string, any>, delivery: Record<string, any>,
                   why: string): EventResult {
  const promised = delivery.promise?.when?.en || delivery.to
  return { event_id: event.event_id, outcome: "rejected",
    reason: `Exchange ${data.return_number}: ${why}, so the replacement promised ${promised} cannot be sent. Call `
      + "the customer (their contact is with this exception) to offer another size, another source or a refund; "
      + "nothing was made in Medusa.",
    detail: { delivery_exception: true, source: delivery.source, return_number: data.return_number } }
}

/** The order's shipping address becomes the customer's (Medusa ships an exchange to its order's address). */
export async function shipHome(ctx: Ctx, orderId: string, delivery: Record<string, any>): Promise<void> {
  const address = delivery.address
  if (delivery.to !== "home" || !address || typeof address !== "object") return
  const name = String(delivery.recipient?.name ?? "")
  const space = name.indexOf(" ")
  await ctx.run(updateOrderWorkflow, { id: orderId, user_id: ctx.actor, shipping_address: {
    first_name: space < 0 ? name : name.slice(0, space), last_name: space < 0 ? "" : name.slice(space + 1),
    phone: delivery.recipient?.phone || "", address_1: address.line1, address_2: address.line2 || "",
    postal_code: address.postal_code, city: address.city, country_code: address.country_code || "fr" } })
}

/** Where the replacement goes and when; a key without a value is left out (Medusa reads null as "remove"). */
export function shippingMetadata(delivery: Record<string, any>, pickupLocation: string): Record<string, unknown> {
  const promise = delivery.promise ?? {}
  const found: Record<string, unknown> = { posreturns_delivery: delivery.to, posreturns_source: delivery.source,
    posreturns_pickup_location_id: delivery.to === "store" ? pickupLocation : undefined,
    posreturns_arrives_on: promise.arrives_on, posreturns_before: promise.before,
    posreturns_provisional: Boolean(delivery.provisional) }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined && v !== null))
}

/** The delivery on the exchange's shipping method: Medusa takes no metadata when the method is added, only
 * when its action is updated (the action the order preview lists for that method). */
export async function describeShipping(ctx: Ctx, exchangeId: string, preview: any, delivery: Record<string, any>,
                                       pickupLocation: string): Promise<void> {
  for (const method of preview?.shipping_methods ?? []) {
    const action = (method.actions ?? []).find((a: any) => a.action === "SHIPPING_ADD" && a.exchange_id === exchangeId)
    if (action) {
      await ctx.run(updateExchangeShippingMethodWorkflow, { exchange_id: exchangeId, action_id: action.id,
        data: { custom_amount: 0, internal_note: delivery.promise?.sentence?.en || "Delivered exchange",
          metadata: shippingMetadata(delivery, pickupLocation) } })
      return
    }
  }
}
