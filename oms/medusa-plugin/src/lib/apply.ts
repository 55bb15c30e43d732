// One order's events, in order: each applied (or found applied) once; the first that cannot be applied
// now (refused, or to retry) stops the order's chain, its later events are not attempted.

import { alertOrder, alertSettled, alertsRaised, raisedAlerts } from "./alerts"
import { Ctx } from "./context"
import { underFence } from "./fence"
import { heldAtReturn, heldMoved, heldUnits } from "./held"
import { resolved, voided, voucher } from "./notes"
import { applyReturn } from "./returns"
import { applyStock } from "./stock"
import { EventResult, Refused, Retry, TillEvent } from "./types"

export async function applyChain(ctx: Ctx, events: TillEvent[], uploader: string, token: number)
  : Promise<EventResult[]> {
  const results: EventResult[] = []
  for (const event of events) {
    const result = await underFence(ctx.container, uploader, token, event, null, async (locks) => {
      ctx.locks = locks
      try {
        return await applyOne(ctx, event)
      } finally {
        ctx.locks = undefined
      }
    }).catch((error: any): EventResult => ({ event_id: event.event_id, outcome: "retry",  // e.g. a lock waited too long
      reason: `Medusa could not lock event ${event.seq}'s order: ${String(error?.message ?? error).slice(0, 300)}` }))
    if (!result) break  // a newer uploader of this till took over: attempt nothing more
    results.push(result)
    if (result.outcome === "rejected" || result.outcome === "retry") break
  }
  return results
}

async function applyOne(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  try {
    switch (event.event_type) {
      case "ReturnCompleted":
        return await afterReturn(ctx, event, await applyReturn(ctx, event))
      case "StockAdjusted":
        return await applyStock(ctx, event)
      case "VoucherIssued":
        return await voucher(ctx, event)
      case "VoucherVoided":
        return await voided(ctx, event)
      case "ExceptionResolved":
        return await resolved(ctx, event)
      case "HeldUnitMoved":
        return applied(event, await heldMoved(ctx, event))
      case "StaffAlertSettled":
        if (!String(event.payload.data?.order_id ?? "").startsWith("order_")) break
        return applied(event, { alert_settlement_noted: await alertSettled(ctx, event) })
    }
    return { event_id: event.event_id, outcome: "applied",
      detail: { not_sent: `Medusa has no use for ${event.event_type} events` } }
  } catch (error: any) {
    if (error instanceof Refused) {
      return { event_id: event.event_id, outcome: "rejected", reason: `Medusa: ${error.message}`, detail: error.detail }
    }
    if (error instanceof Retry) {
      return { event_id: event.event_id, outcome: "retry", reason: error.message }
    }
    return { event_id: event.event_id, outcome: "retry",
      reason: `Medusa failed on event ${event.seq}: ${String(error?.message ?? error).slice(0, 300)}` }
  }
}

function applied(event: TillEvent, detail: Record<string, unknown>): EventResult {
  return { event_id: event.event_id, outcome: "applied", detail }
}

/** What Medusa's own return steps do not do, once the return is there: its held units into the store's
 * quarantine, its staff alerts on the order. */
async function afterReturn(ctx: Ctx, event: TillEvent, done: EventResult): Promise<EventResult> {
  if (done.outcome !== "applied" && done.outcome !== "duplicate") return done
  const data = event.payload.data ?? {}
  let detail: Record<string, unknown> = { ...(done.detail ?? {}) }
  if (heldUnits(event).length) detail = { ...detail, ...await heldAtReturn(ctx, event) }
  if (alertOrder(data) && raisedAlerts(data).length) detail.alerts_noted = await alertsRaised(ctx, event)
  if (detail.not_sent && (detail.held_in_medusa !== undefined || detail.alerts_noted !== undefined)) {
    delete detail.not_sent
    return { event_id: event.event_id, outcome: "applied", detail }
  }
  return { ...done, detail }
}
