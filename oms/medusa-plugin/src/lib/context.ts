// What one batch needs from Medusa: the query graph, the core workflows, and reference data read once
// per batch (stores = stock locations, return reasons, the refund reason, outbound shipping options).

import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { LOCKED, Refused, Retry } from "./types"

type Workflow = (container: MedusaContainer) => { run: (args: { input: any }) => Promise<{ result: any }> }

const REFUSALS = new Set<string>([MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.NOT_FOUND])

export class Ctx {
  readonly query: any
  private locations?: Map<string, string> // Medusa location id -> store code
  private reasons?: Map<string, string>   // our reason code (lower case) -> return reason id
  private refundReason?: string | null
  private options = new Map<string, string>()

  constructor(readonly container: MedusaContainer, readonly actor: string, readonly currency: string,
              readonly noNotification = true) {
    this.query = container.resolve(ContainerRegistrationKeys.QUERY)
  }

  async graph(entity: string, fields: string[], filters: Record<string, unknown>): Promise<any[]> {
    const { data } = await this.query.graph({ entity, fields, filters })
    return data as any[]
  }

  /** Run a core workflow; Medusa's refusals become `Refused`, a locked order `Retry`. */
  async run(workflow: Workflow, input: Record<string, unknown>): Promise<any> {
    try {
      const { result } = await workflow(this.container).run({ input })
      return result
    } catch (error: any) {
      const message = String(error?.message ?? error)
      if (message.includes(LOCKED)) {
        throw new Retry(`Medusa: ${message} (another change of this order is in progress)`)
      }
      if (REFUSALS.has(error?.type)) {
        throw new Refused(message)
      }
      throw error
    }
  }

  async storeCodes(): Promise<Map<string, string>> {
    if (!this.locations) {
      const rows = await this.graph("stock_location", ["id", "name", "metadata"], {})
      this.locations = new Map(rows.map((l) => [l.id, String(l.metadata?.store_code ?? l.name ?? l.id)]))
    }
    return this.locations
  }

  async locationId(store: string | undefined): Promise<string | undefined> {
    for (const [id, code] of await this.storeCodes()) {
      if (code === store) return id
    }
    return undefined
  }

  async reasonId(code: string | undefined): Promise<string | undefined> {
    if (!this.reasons) {
      const rows = await this.graph("return_reason", ["id", "value"], {})
      this.reasons = new Map(rows.filter((r) => r.value).map((r) => [String(r.value).toLowerCase(), r.id]))
    }
    return code ? this.reasons.get(code.toLowerCase()) : undefined
  }

  async refundReasonId(): Promise<string | undefined> {
    if (this.refundReason === undefined) {
      const rows = await this.graph("refund_reason", ["id", "code"], {})
      this.refundReason = rows.find((r) => r.code === "return")?.id ?? null
    }
    return this.refundReason ?? undefined
  }

  /** The store's outbound shipping option (an exchange is handed over with it). */
  async outboundOption(location: string): Promise<string> {
    if (!this.options.has(location)) {
      const [store] = await this.graph("stock_location", ["id", "fulfillment_sets.service_zones.shipping_options.id",
        "fulfillment_sets.service_zones.shipping_options.rules.*"], { id: location })
      const options = (store?.fulfillment_sets ?? []).flatMap((s: any) => s.service_zones ?? [])
        .flatMap((z: any) => z.shipping_options ?? [])
      const found = options.find((o: any) =>
        !(o.rules ?? []).some((r: any) => r.attribute === "is_return" && r.value === "true"))
      if (!found) {
        throw new Refused("the store has no outbound shipping option in Medusa (needed to hand an exchange over)")
      }
      this.options.set(location, found.id)
    }
    return this.options.get(location)!
  }
}
