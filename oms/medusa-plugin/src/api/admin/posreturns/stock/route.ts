// GET /admin/posreturns/stock?since=<ISO>&skip=<n>&limit=<n>: the stock levels changed since `since`
// (updated_at >= since, oldest first; `skip` passes over the ones of that instant already read), so a
// till pulls only what changed. Medusa's Admin API cannot filter stock levels on their change time.

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const MAX = 500

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const since = typeof req.query.since === "string" && req.query.since ? new Date(req.query.since) : null
  const skip = Math.max(Number(req.query.skip ?? 0) || 0, 0)
  const limit = Math.min(Math.max(Number(req.query.limit ?? 200) || 200, 1), MAX)
  if (since && Number.isNaN(since.getTime())) {
    res.status(400).json({ type: "invalid_data", message: "since must be an ISO 8601 time" })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "inventory_level",
    fields: ["id", "location_id", "stocked_quantity", "reserved_quantity", "updated_at", "inventory_item.sku"],
    filters: since ? { updated_at: { $gte: since } } : {},
    pagination: { skip, take: limit, order: { updated_at: "ASC", id: "ASC" } },
  })
  res.json({
    levels: (data as any[]).map((l) => ({ sku: l.inventory_item?.sku ?? null, location_id: l.location_id,
      stocked_quantity: Number(l.stocked_quantity ?? 0), reserved_quantity: Number(l.reserved_quantity ?? 0),
      updated_at: new Date(l.updated_at).toISOString() })),
    count: metadata?.count ?? null,
  })
}
