// GET /admin/posreturns: what this plugin offers; the till's connector uses the batch route when it answers.
// `steps` are the parts the till's connector made itself after an older plugin's batch (held units in
// the quarantine location, staff alerts on the order): with them here a batch needs no other request;
// `delivered_exchange` (0.3.0): exchanges delivered from the network, which older plugins left to the
// till's Admin API path. `shared_fence` (0.4.0): the fence and the locks are in PostgreSQL, so batches may
// be sent to several processes at once (`medusa start --cluster N`); `process_id` says which one answered.

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MAX_BATCH } from "./events/route"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "@posreturns/medusa-plugin", version: "0.4.0", api: 1, max_batch: MAX_BATCH,
    event_types: ["ReturnCompleted", "StockAdjusted", "VoucherIssued", "VoucherVoided", "ExceptionResolved",
      "HeldUnitMoved", "StaffAlertSettled"], steps: ["held_stock", "staff_alerts", "delivered_exchange"],
    stock_changes: true, shared_fence: true, process_id: process.pid })
}
