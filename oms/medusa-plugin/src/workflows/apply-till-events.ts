// The workflow the batch route runs for each order: apply its till events in order, each once.

import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyChain } from "../lib/apply"
import { Ctx } from "../lib/context"
import { EventResult, TillEvent } from "../lib/types"

export interface ApplyTillEventsInput {
  uploader: string
  fence: number
  currency: string
  actor: string
  batch?: string  // the route's batch: reference data read once for all its orders
  no_notification: boolean
  events: TillEvent[]
}

export const applyTillEventsStep = createStep(
  "posreturns-apply-till-events-of-an-order",
  async (input: ApplyTillEventsInput, { container }) => {
    const ctx = new Ctx(container, input.actor, input.currency, input.no_notification, input.batch)
    const results = await applyChain(ctx, input.events, input.uploader, input.fence)
    return new StepResponse<EventResult[]>(results)
  },
)

export const applyTillEventsWorkflow = createWorkflow(
  "posreturns-apply-till-events",
  (input: ApplyTillEventsInput) => {
    const results = applyTillEventsStep(input)
    return new WorkflowResponse(results)
  },
)
