// One order's events, in order: each applied (or found applied) once; the first that cannot be applied
// now (refused, or to retry) stops the order's chain, its later events are not attempted.

import { Ctx } from "./context"
import { resolved, voided, voucher } from "./notes"
import { applyReturn } from "./returns"
import { applyStock } from "./stock"
import { EventResult, Refused, Retry, TillEvent } from "./types"

export async function applyChain(ctx: Ctx, events: TillEvent[], stillHeld: () => boolean): Promise<EventResult[]> {
  const results: EventResult[] = []
  for (const event of events) {
    if (!stillHeld()) break  // a newer uploader of this till took over: attempt nothing more
    const result = await applyOne(ctx, event)
    results.push(result)
    if (result.outcome === "rejected" || result.outcome === "retry") break
  }
  return results
}

async function applyOne(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  try {
    switch (event.event_type) {
      case "ReturnCompleted":
        return await applyReturn(ctx, event)
      case "StockAdjusted":
        return await applyStock(ctx, event)
      case "VoucherIssued":
        return await voucher(ctx, event)
      case "VoucherVoided":
        return await voided(ctx, event)
      case "ExceptionResolved":
        return await resolved(ctx, event)
      default:
        return { event_id: event.event_id, outcome: "applied",
          detail: { not_sent: `Medusa has no use for ${event.event_type} events` } }
    }
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
