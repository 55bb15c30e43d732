// What a till sends (one outbox event) and what it is answered, per event.

export type Outcome = "applied" | "duplicate" | "rejected" | "retry"

export interface TillEvent {
  seq: number
  event_id: string
  event_type: string
  order_key: string
  till_id: string
  first_attempt: boolean
  payload: Envelope
  context?: { released_by?: Record<string, unknown> }
}

export interface Envelope {
  event_id: string
  event_type: string
  device?: { store_id?: string; till_id?: string; app_version?: string }
  occurred_at?: string
  offline?: boolean
  payload_sha256?: string
  cache_as_of?: string | null
  operator_id?: string | null
  approved_by?: string | null
  data?: Record<string, any>
}

export interface EventResult {
  event_id: string
  outcome: Outcome
  reason?: string | null
  detail?: Record<string, unknown>
}

export interface Batch {
  till_id: string
  uploader?: string  // the till database's identity, under which its fencing tokens grow
  fence: number
  currency?: string
  no_notification?: boolean  // the store's choice (oms.customer_notifications); absent: true, as before
  events: TillEvent[]
}

export const MARKER = "posreturns_event_id"
export const LOCKED = "active order change"

/** A refusal: the event goes to the till's exception queue with this reason. */
export class Refused extends Error {
  constructor(message: string, public detail: Record<string, unknown> = {}) {
    super(message)
  }
}

/** Not done now; the till sends it again later (the order is locked, Medusa is busy…). */
export class Retry extends Error {}
