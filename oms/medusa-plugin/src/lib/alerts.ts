// Staff alerts on the order, made in Medusa itself instead of by the till after the batch: the alerts
// the policy raised on a return (`posreturns_alerts_<return number>`) and each manager's settlement of
// one (`StaffAlertSettled`), added once (posreturns/sync/medusa/alert_notes.py).

import { updateOrderWorkflow } from "@medusajs/core-flows"
import { Ctx } from "./context"
import { exclusively } from "./locks"
import { TillEvent } from "./types"

const ALERTS_KEY = "posreturns_alerts_"

export function raisedAlerts(data: Record<string, any>): { sku: unknown; code: unknown }[] {
  return (data.lines ?? []).filter((line: any) => line && typeof line === "object")
    .flatMap((line: any) => (line.alerts ?? []).map((code: unknown) => ({ sku: line.sku ?? null, code })))
}

export function alertOrder(data: Record<string, any>): string | null {
  const id = String(data.original_order?.id ?? "")
  return id.startsWith("order_") ? id : null
}

/** The return's alerts noted on its order, once; true when written now. */
export async function alertsRaised(ctx: Ctx, event: TillEvent): Promise<boolean> {
  const data = event.payload.data ?? {}
  const orderId = alertOrder(data)!
  const key = `${ALERTS_KEY}${data.return_number}`
  return exclusively(ctx, `order ${orderId}`, async () => {
    const metadata = await metadataOf(ctx, orderId)
    if (metadata[key] && typeof metadata[key] === "object") return false
    await ctx.run(updateOrderWorkflow, { id: orderId, user_id: ctx.actor, metadata: { [key]: {
      return_id: data.return_id ?? null, return_number: data.return_number ?? null, till: event.till_id,
      store: event.payload.device?.store_id ?? null, raised_at: event.payload.occurred_at ?? null,
      alerts: raisedAlerts(data), settled: [], event_id: event.event_id } } })
    return true
  })
}

/** StaffAlertSettled: the settlement added to the return's alerts note, once; true when written now. */
export async function alertSettled(ctx: Ctx, event: TillEvent): Promise<boolean> {
  const data = event.payload.data ?? {}
  const orderId = String(data.order_id)
  const key = `${ALERTS_KEY}${data.return_number}`
  return exclusively(ctx, `order ${orderId}`, async () => {
    const old = (await metadataOf(ctx, orderId))[key]
    const note = old && typeof old === "object" ? { ...old }
      : { return_id: data.return_id ?? null, return_number: data.return_number ?? null, settled: [] }
    const settled = (Array.isArray(note.settled) ? note.settled : []).filter((s: any) => s && typeof s === "object")
    if (settled.some((s: any) => s.event_id === event.event_id)) return false
    note.settled = [...settled, { alert_id: data.alert_id ?? null, code: data.code ?? null, status: data.status ?? null,
      note: data.note ?? null, by: (event.payload as any).operator_id ?? null, till: event.till_id,
      at: event.payload.occurred_at ?? null, event_id: event.event_id }]
    await ctx.run(updateOrderWorkflow, { id: orderId, user_id: ctx.actor, metadata: { [key]: note } })
    return true
  })
}

async function metadataOf(ctx: Ctx, orderId: string): Promise<Record<string, any>> {
  const [order] = await ctx.graph("order", ["id", "metadata"], { id: orderId })
  return order?.metadata ?? {}
}
