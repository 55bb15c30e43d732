// GET /admin/posreturns: what this plugin offers; the till's connector uses the batch route when it answers.
// `steps` are the parts the till's connector made itself after an older plugin's batch (held units in
// the quarantine location, staff alerts on the order): with them here a batch needs no other request;
// `delivered_exchange` (0.3.0): exchanges delivered from the network, which older plugins left to the
// till's Admin API path. `shared_fence` (0.4.0): the fence and the locks are in PostgreSQL, so batches may
// be sent to several processes at once (`medusa start --cluster N`): the tills send `processes` batches
// at once, of independent orders; `process_id` says which process answered.

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import cluster from "cluster"
import { MAX_BATCH } from "./events/route"

const PLUGIN = "@posreturns/medusa-plugin"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: PLUGIN, version: "0.4.0", api: 1, max_batch: MAX_BATCH,
    event_types: ["ReturnCompleted", "StockAdjusted", "VoucherIssued", "VoucherVoided", "ExceptionResolved",
      "HeldUnitMoved", "StaffAlertSettled"], steps: ["held_stock", "staff_alerts", "delivered_exchange"],
    stock_changes: true, shared_fence: true, processes: processes(req), process_id: process.pid })
}

/** How many Node processes serve this Medusa: the plugin's option `processes` (the N of `medusa start
 * --cluster N`), else 2 in cluster mode (at least that many), else 1. The tills send as many batches at once. */
function processes(req: MedusaRequest): number {
  const config: any = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const entry = (config?.plugins ?? []).find((p: any) => p === PLUGIN || p?.resolve === PLUGIN)
  const configured = Number(entry?.options?.processes)
  if (Number.isInteger(configured) && configured > 0) return configured
  return cluster.isWorker ? 2 : 1
}
