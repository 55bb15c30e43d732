// A refund is two records in Medusa: the refund on the payment (the money; the payment module writes it
// and updates the payment collection), then the order's transaction of it (the order's balance: paid,
// refunded, still owed). refundPaymentWorkflow writes them in two steps and never undoes the first, so
// Medusa killed in between leaves the payment refunded and the order's summary still owing the customer.
// The refund found by its note is then done; what is missing is its transaction, written here once.

import { MathBN, Modules, PaymentEvents } from "@medusajs/framework/utils"
import { Ctx } from "./context"
import { OrderState } from "./state"

/** The refund's transaction on the order is there (Medusa's own step writes it with reference "refund"). */
export function booked(state: OrderState, refundId: string): boolean {
  return (state.order.transactions ?? []).some((t: any) => t.reference === "refund" && t.reference_id === refundId)
}

/** What refundPaymentWorkflow writes after the refund itself: the order's transaction, then its event. */
export async function bookRefund(ctx: Ctx, state: OrderState, payment: any, refund: any): Promise<void> {
  const orders: any = ctx.container.resolve(Modules.ORDER)
  await ctx.call("order module: addOrderTransactions", () => orders.addOrderTransactions([{
    order_id: state.order.id, amount: MathBN.mult(refund.raw_amount ?? refund.amount, -1),
    currency_code: payment.currency_code ?? state.order.currency_code, reference: "refund", reference_id: refund.id,
  }]))
  const bus: any = ctx.container.resolve(Modules.EVENT_BUS)
  await bus.emit([{ name: PaymentEvents.REFUNDED, data: { id: payment.id } }])
}
