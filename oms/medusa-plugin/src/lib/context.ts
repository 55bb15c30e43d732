// What one batch needs from Medusa: the query graph, the core workflows, and reference data read once
// per batch (stores = stock locations, return reasons, the refund reason, outbound shipping options).

import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { EventLocks } from "./locks"
import { LOCKED, Refused, Retry } from "./types"

type Workflow = ((container: MedusaContainer) => { run: (args: { input: any }) => Promise<{ result: any }> })
  & { getName?: () => string }

/** Where a batch's time went: per core workflow and per query, the runs and milliseconds (answered with
 * the batch, so `make bench-sync` can show it). */
export class Timings {
  readonly spent = new Map<string, { runs: number; ms: number }>()

  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await work()
    } finally {
      const entry = this.spent.get(name) ?? { runs: 0, ms: 0 }
      entry.runs += 1
      entry.ms += performance.now() - started
      this.spent.set(name, entry)
    }
  }

  toJSON(): Record<string, { runs: number; ms: number }> {
    return Object.fromEntries([...this.spent].map(([k, v]) => [k, { runs: v.runs, ms: Math.round(v.ms) }]))
  }
}

const REFUSALS = new Set<string>([MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.NOT_FOUND])

/** What the events of one batch share: reference data read once per batch (every order's chain would
 * otherwise read it again) and the timings. */
export class Shared {
  readonly timings = new Timings()
  stopAfter?: string  // tests only (POSRETURNS_PLUGIN_FAULTS=1): the step after which an attempt ends
  private loads = new Map<string, Promise<unknown>>()

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.loads.has(key)) {
      const loading = load()
      loading.catch(() => this.loads.delete(key))  // a failed read is tried again by the next event
      this.loads.set(key, loading)
    }
    return this.loads.get(key) as Promise<T>
  }
}

const batches = new Map<string, Shared>()

/** The shared part of batch `id`, while the route applies it (a workflow's input must be plain data). */
export function openBatch(id: string): Shared {
  const shared = new Shared()
  batches.set(id, shared)
  return shared
}

export function closeBatch(id: string): void {
  batches.delete(id)
}

export class Ctx {
  readonly query: any
  readonly shared: Shared
  locks?: EventLocks  // the event under way's locks (fence.ts): shared by every process of Medusa

  constructor(readonly container: MedusaContainer, readonly actor: string, readonly currency: string,
              readonly noNotification = true, batch?: string) {
    this.query = container.resolve(ContainerRegistrationKeys.QUERY)
    this.shared = (batch ? batches.get(batch) : undefined) ?? new Shared()
  }

  async graph(entity: string, fields: string[], filters: Record<string, unknown>): Promise<any[]> {
    return this.shared.timings.time(`query ${entity}`, async () => {
      const { data } = await this.query.graph({ entity, fields, filters })
      return data as any[]
    })
  }

  /** Run a core workflow; Medusa's refusals become `Refused`, a locked order `Retry`. */
  async run(workflow: Workflow, input: Record<string, unknown>): Promise<any> {
    const name = workflow.getName?.() ?? workflow.name
    const { result } = await this.call(name, () => workflow(this.container).run({ input }))
    return result
  }

  /** A module's own action (timed under `name`), its refusals mapped as `run` maps a workflow's. */
  async call<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await this.shared.timings.time(name, work)
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

  /** Tests only: the attempt ends here, as if Medusa had been killed right after `step`. */
  reached(step: string): void {
    if (this.shared.stopAfter === step) throw new Error(`stopped after ${step} (test fault)`)
  }

  /** Medusa location id -> store code. */
  storeCodes(): Promise<Map<string, string>> {
    return this.shared.once("locations", async () => {
      const rows = await this.graph("stock_location", ["id", "name", "metadata"], {})
      return new Map(rows.map((l) => [l.id, String(l.metadata?.store_code ?? l.name ?? l.id)]))
    })
  }

  async locationId(store: string | undefined): Promise<string | undefined> {
    for (const [id, code] of await this.storeCodes()) {
      if (code === store) return id
    }
    return undefined
  }

  async reasonId(code: string | undefined): Promise<string | undefined> {
    const reasons = await this.shared.once("reasons", async () => {
      const rows = await this.graph("return_reason", ["id", "value"], {})
      return new Map<string, string>(rows.filter((r) => r.value).map((r) => [String(r.value).toLowerCase(), r.id]))
    })
    return code ? reasons.get(code.toLowerCase()) : undefined
  }

  async refundReasonId(): Promise<string | undefined> {
    const found = await this.shared.once("refund reason", async () => {
      const rows = await this.graph("refund_reason", ["id", "code"], {})
      return rows.find((r) => r.code === "return")?.id ?? null
    })
    return found ?? undefined
  }

  /** The store's outbound shipping option (an exchange is handed over with it). */
  outboundOption(location: string): Promise<string> {
    return this.shared.once(`outbound ${location}`, async () => {
      const [store] = await this.graph("stock_location", ["id", "fulfillment_sets.service_zones.shipping_options.id",
        "fulfillment_sets.service_zones.shipping_options.rules.*"], { id: location })
      const options = (store?.fulfillment_sets ?? []).flatMap((s: any) => s.service_zones ?? [])
        .flatMap((z: any) => z.shipping_options ?? [])
      const found = options.find((o: any) =>
        !(o.rules ?? []).some((r: any) => r.attribute === "is_return" && r.value === "true"))
      if (!found) {
        throw new Refused("the store has no outbound shipping option in Medusa (needed to hand an exchange over)")
      }
      return String(found.id)
    })
  }
}
