// POST /admin/posreturns/events: a batch of till events, applied idempotently by event id, in order per
// order (independent orders a few at a time), answered per event. Events of an order after one that
// could not be applied are left out of the answer: not attempted, the till sends them again after it.

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "crypto"
import { closeBatch, openBatch } from "../../../../lib/context"
import { admit } from "../../../../lib/fence"
import { Batch, EventResult, TillEvent } from "../../../../lib/types"
import { applyTillEventsWorkflow } from "../../../../workflows/apply-till-events"

export const MAX_BATCH = 200
const ORDERS_AT_ONCE = 4

export const POST = async (req: AuthenticatedMedusaRequest<Batch>, res: MedusaResponse) => {
  const batch = req.body
  const problem = invalid(batch)
  if (problem) {
    res.status(400).json({ type: "invalid_data", message: problem })
    return
  }
  const uploader = batch.uploader ?? batch.till_id
  const newest = await admit(req.scope, uploader, batch.fence)
  if (newest !== null) {
    res.status(409).json({ type: "stale_fence", message: `A newer uploader of till ${batch.till_id} holds its `
      + `upload lease (token ${newest}); this one must stop.` })
    return
  }
  const chains = new Map<string, TillEvent[]>()
  for (const event of batch.events) {
    chains.set(event.order_key, [...(chains.get(event.order_key) ?? []), event])
  }
  const queue = [...chains.values()]
  const results = new Map<string, EventResult>()
  const id = randomUUID()
  const shared = openBatch(id)
  if (process.env.POSRETURNS_PLUGIN_FAULTS === "1") {  // the fault tests stop an attempt after a chosen step
    shared.stopAfter = String(req.headers["x-posreturns-stop-after"] ?? "") || undefined
  }
  const worker = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      const { result } = await shared.timings.time("order chain", () => applyTillEventsWorkflow(req.scope).run({
        input: { uploader, fence: batch.fence, currency: batch.currency ?? "EUR", batch: id,
          no_notification: batch.no_notification !== false,
          actor: req.auth_context?.actor_id ?? "posreturns", events: chain } }))
      for (const answer of result as EventResult[]) results.set(answer.event_id, answer)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(ORDERS_AT_ONCE, queue.length) }, worker))
  } finally {
    closeBatch(id)
  }
  res.json({ results: batch.events.filter((e) => results.has(e.event_id)).map((e) => results.get(e.event_id)),
    timings: shared.timings })
}

function invalid(batch: Batch | undefined): string | null {
  if (!batch || typeof batch.till_id !== "string" || !Number.isInteger(batch.fence) || !Array.isArray(batch.events)) {
    return "Send {till_id, fence, events: [...]}."
  }
  if (batch.events.length > MAX_BATCH) return `At most ${MAX_BATCH} events per request.`
  const bad = batch.events.find((e) => !e || typeof e.event_id !== "string" || typeof e.order_key !== "string"
    || typeof e.event_type !== "string" || typeof e.payload !== "object")
  return bad ? "Every event needs event_id, event_type, order_key and payload." : null
}
