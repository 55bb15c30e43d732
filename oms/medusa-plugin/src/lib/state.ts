// What Medusa holds of an order, read before every event: the resume logic of the till's connector
// (posreturns/sync/medusa/state.py), in process.

import { Ctx } from "./context"
import { MARKER } from "./types"
import { qty } from "./money"

export const ORDER_FIELDS = ["id", "display_id", "currency_code", "customer_id", "email", "metadata", "items.*",
  "items.detail.*", "payment_collections.*", "payment_collections.payments.*",
  "payment_collections.payments.refunds.*", "credit_lines.*", "transactions.*"]
export const RETURN_FIELDS = ["id", "status", "metadata", "location_id", "created_at", "received_at", "canceled_at",
  "display_id", "exchange_id", "items.*"]

export class OrderState {
  constructor(readonly order: any, readonly returns: any[], readonly changes: any[], readonly exchanges: any[],
              readonly complete = true) {}

  /** The order, its returns, pending changes and exchanges; only the order for an event never sent before
   * (`firstAttempt`: Medusa cannot hold anything of it yet, so there is nothing to resume). */
  static async read(ctx: Ctx, orderId: string, firstAttempt = false): Promise<OrderState | null> {
    const [order] = await ctx.graph("order", ORDER_FIELDS, { id: orderId })
    if (!order) return null
    if (firstAttempt) return new OrderState(order, [], [], [], false)
    const [returns, changes, exchanges] = await Promise.all([
      ctx.graph("return", RETURN_FIELDS, { order_id: orderId }),
      ctx.graph("order_change", ["id", "change_type", "status", "return_id", "exchange_id", "metadata"],
        { order_id: orderId }),
      ctx.graph("order_exchange", ["id", "return_id", "metadata", "canceled_at"], { order_id: orderId }),
    ])
    return new OrderState(order, returns, changes, exchanges)
  }

  returnOf(eventId: string): any | undefined {
    return this.returns.find((r) => r.metadata?.[MARKER] === eventId && !r.canceled_at)
  }

  exchangeOf(eventId: string): any | undefined {
    return this.exchanges.find((x) => x.metadata?.[MARKER] === eventId && !x.canceled_at)
  }

  pending(type: string, ids: { return_id?: string; exchange_id?: string }): boolean {
    return this.changes.some((c) => c.status === "pending" && c.change_type === type
      && (!ids.return_id || c.return_id === ids.return_id) && (!ids.exchange_id || c.exchange_id === ids.exchange_id))
  }

  /** Returnable units left per line item. */
  left(lineId: string): number | undefined {
    const item = (this.order.items ?? []).find((i: any) => i.id === lineId)
    if (!item) return undefined
    const d = item.detail ?? {}
    return qty(d.fulfilled_quantity) - qty(d.return_requested_quantity) - qty(d.return_received_quantity)
      - qty(d.return_dismissed_quantity)
  }

  payments(): any[] {
    return (this.order.payment_collections ?? []).flatMap((c: any) => c.payments ?? [])
      .filter((p: any) => p.captured_at && !p.canceled_at)
  }
}
