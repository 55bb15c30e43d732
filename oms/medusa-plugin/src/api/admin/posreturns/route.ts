// GET /admin/posreturns: what this plugin offers; the till's connector uses the batch route when it answers.

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MAX_BATCH } from "./events/route"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "@posreturns/medusa-plugin", version: "0.1.0", api: 1, max_batch: MAX_BATCH,
    event_types: ["ReturnCompleted", "StockAdjusted", "VoucherIssued", "VoucherVoided", "ExceptionResolved"], stock_changes: true })
}
