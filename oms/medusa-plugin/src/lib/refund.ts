// A card refund made with the modules' own actions instead of Medusa's refund workflow, ending in the same
// records: the payment module's refund (it checks the captured amount itself, under a row lock), the
// order's transaction for it, the `payment.refunded` event. The workflow also reads the payment, its
// order's payment collection, the order with its totals computed and the refund reason, and runs each
// step through the workflow engine: about a third of a quick return's time in Medusa went there.
//
// The workflow adds a credit line when the refund exceeds what the order owes its customer; then (and
// whenever the order's balance cannot be read) it runs as it is.

import { MathBN, Modules, PaymentEvents } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"

export interface RefundInput {
  payment_id: string
  amount: string
  note: string
  created_by: string
  refund_reason_id?: string
}

export async function refundPayment(ctx: Ctx, orderId: string, input: RefundInput): Promise<void> {
  if (!await owedAtLeast(ctx, orderId, input.amount)) {
    await ctx.run(refundPaymentWorkflow, { ...input })
    return
  }
  const payments: any = ctx.container.resolve(Modules.PAYMENT)
  const paid: any = await ctx.call("payment module: refundPayment", () => payments.refundPayment({ ...input }))
  await transactionsOf(ctx, orderId, paid, input.amount)
  const bus: any = ctx.container.resolve(Modules.EVENT_BUS)
  await bus.emit([{ name: PaymentEvents.REFUNDED, data: { id: input.payment_id } }])
}

/** Whether the order owes its customer `amount` or more (the workflow then makes no credit line). */
async function owedAtLeast(ctx: Ctx, orderId: string, amount: string): Promise<boolean> {
  const [order] = await ctx.graph("order", ["id", "summary"], { id: orderId })
  const pending = order?.summary?.raw_pending_difference ?? order?.summary?.pending_difference
  if (pending === undefined || pending === null) return false
  return MathBN.lt(pending, 0) && MathBN.lte(amount, MathBN.mult(pending, -1))
}

/** Each refund of the payment in the order's transactions once, as the workflow's step adds them (with
 * the amount refunded now, as it does). */
export async function transactionsOf(ctx: Ctx, orderId: string, paid: any, amount: string): Promise<void> {
  const refunds: any[] = paid?.refunds ?? []
  if (!refunds.length) return
  const orders: any = ctx.container.resolve(Modules.ORDER)
  await ctx.call("order module: addOrderTransactions", async () => {
    const existing: any[] = await orders.listOrderTransactions({ $or: refunds.map((r) => ({ order_id: orderId,
      reference: "refund", reference_id: r.id })) }, { select: ["order_id", "reference", "reference_id"] })
    const there = new Set(existing.map((t) => String(t.reference_id)))
    const missing = refunds.filter((r) => !there.has(String(r.id)))
    if (missing.length) {
      await orders.addOrderTransactions(missing.map((r) => ({ order_id: orderId, amount: MathBN.mult(amount, -1),
        currency_code: paid.currency_code, reference: "refund", reference_id: r.id })))
    }
  })
}
