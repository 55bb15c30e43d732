// ReturnCompleted -> a return received at the store and the refund recorded (or an exchange), resumed
// from whatever an earlier attempt left: the same steps and markers as the till's own connector
// (posreturns/sync/medusa/returns.py), made in process with Medusa's core workflows.

import {
  beginReceiveReturnWorkflow, beginReturnOrderWorkflow, cancelReturnReceiveWorkflow, cancelReturnRequestWorkflow,
  cancelReturnWorkflow, confirmReturnReceiveWorkflow, confirmReturnRequestWorkflow, createOrderCreditLinesWorkflow,
  dismissItemReturnRequestWorkflow, receiveItemReturnRequestWorkflow, refundPaymentWorkflow, requestItemReturnWorkflow,
  updateReturnWorkflow,
} from "@medusajs/core-flows"
import { Ctx } from "./context"
import { applyExchange } from "./exchange"
import { booked, bookRefund } from "./ledger"
import { major } from "./money"
import { refused } from "./notes"
import { byChangeMarker, markReturn, quick, receiveQuick, requestQuick, restockPending, restockQuick }
  from "./quick-return"
import { OrderState } from "./state"
import { EventResult, MARKER, Refused, Retry, TillEvent } from "./types"

export interface Wanted { line: string; qty: number; restock: number; reason?: string; note?: string; sku?: string }

export function wantedOf(data: Record<string, any>): Wanted[] {
  const byLine = new Map<string, Wanted>()
  for (const line of data.lines ?? []) {
    if (!line.order_line_id) continue
    const entry = byLine.get(line.order_line_id)
      ?? { line: line.order_line_id, qty: 0, restock: 0, reason: line.reason, note: line.note, sku: line.sku }
    entry.qty += Number(line.qty ?? 0)
    if (line.disposition === "RESTOCK") entry.restock += Number(line.qty ?? 0)
    byLine.set(line.order_line_id, entry)
  }
  return [...byLine.values()]
}

export function overReturn(state: OrderState, wanted: Wanted[]): Record<string, any> | null {
  for (const w of wanted) {
    const left = state.left(w.line)
    if (left === undefined) {
      return { line: w.line, sku: w.sku, asked: w.qty, left: 0,
        message: `Medusa: order ${state.order.display_id} has no line ${w.line} (${w.sku}).` }
    }
    if (w.qty > left) {
      return { line: w.line, sku: w.sku, asked: w.qty, left: Math.max(left, 0),
        message: `Medusa: cannot return ${w.qty} × ${w.sku} from order ${state.order.display_id}: only `
          + `${Math.max(left, 0)} unit(s) can still be returned (already returned elsewhere?).` }
    }
  }
  return null
}

export function eventMetadata(event: TillEvent, data: Record<string, any>): Record<string, unknown> {
  const meta: Record<string, unknown> = { [MARKER]: event.event_id, posreturns_return_id: data.return_id,
    posreturns_return_number: data.return_number, posreturns_till: event.till_id,
    posreturns_offline: Boolean(event.payload.offline) }
  if (event.payload.payload_sha256) meta.posreturns_payload_sha256 = event.payload.payload_sha256
  if (event.payload.cache_as_of) meta.posreturns_cache_as_of = event.payload.cache_as_of
  if (event.payload.device?.app_version) meta.posreturns_app_version = event.payload.device.app_version
  meta.posreturns_report = reportFields(event, data)
  return meta
}

/** The return as the store-wide report of the other tills counts it, by ids only (markers.py). */
function reportFields(event: TillEvent, data: Record<string, any>): Record<string, unknown> {
  let bonus = 0
  if (data.exchange) bonus = Number(data.exchange.bonus_minor ?? 0)
  else if (data.voucher) bonus = Math.max(Number(data.voucher.amount_minor ?? 0) - Number(data.refund_total_minor ?? 0), 0)
  return { cashier: event.payload.operator_id ?? null, approved_by: event.payload.approved_by ?? null,
    decision: data.decision ?? null, method: data.refund_method ?? null, bonus,
    lines: (data.lines ?? []).map((l: any) => [l.order_line_id ?? null, l.qty ?? null, l.reason ?? null,
      l.disposition ?? null]),
    paid: (data.tenders ?? []).map((t: any) => [t.method ?? null, t.amount_minor ?? null]),
    paid_more: Number(data.exchange?.to_collect_minor ?? 0), delivery: data.exchange?.delivery?.to ?? null }
}

export function otherContent(found: any, event: TillEvent): string | null {
  const theirs = found.metadata?.posreturns_payload_sha256
  const ours = event.payload.payload_sha256
  if (theirs && ours && theirs !== ours) {
    return `Medusa already holds event ${event.event_id} with different content (fingerprint `
      + `${String(theirs).slice(0, 12)}…, this till's ${String(ours).slice(0, 12)}…); nothing was changed.`
  }
  return null
}

export async function applyReturn(ctx: Ctx, event: TillEvent): Promise<EventResult> {
  const data = event.payload.data ?? {}
  const orderId = data.original_order?.id
  if (!orderId) {
    return { event_id: event.event_id, outcome: "applied",
      detail: { not_sent: "a return without a sale: Medusa has no returns without an order" } }
  }
  const store = event.payload.device?.store_id
  const location = await ctx.locationId(store)
  if (!location) throw new Refused(`Medusa has no stock location for store ${store}; add it or fix the till's store.id.`)
  const state = await OrderState.read(ctx, orderId, event.first_attempt === true)
  if (!state) throw new Refused(`Medusa has no order ${orderId}.`)
  try {
    if (data.refund_method === "exchange" && data.exchange?.lines?.length) {
      return await applyExchange(ctx, event, data, state, location)
    }
    return await returnOf(ctx, event, data, state, location)
  } catch (error) {
    if (error instanceof Refused) {  // noted on the order and the customer, like an over-return
      return refused(ctx, event, data, state, { message: `Medusa refused the return: ${error.message}` })
    }
    throw error
  }
}

async function returnOf(ctx: Ctx, event: TillEvent, data: Record<string, any>, first: OrderState,
                        location: string): Promise<EventResult> {
  let state = first
  const orderId = state.order.id
  const wanted = wantedOf(data)
  let found = state.returnOf(event.event_id) ?? byChangeMarker(state, event.event_id)
  if (found?.unmarked) await markReturn(ctx, found.id, found.metadata, { created_by: ctx.actor })
  if (found && otherContent(found, event)) {
    throw new Refused(otherContent(found, event)!, { medusa_return_id: found.id })
  }
  const receivedBefore = found?.status === "received"
  if (found) {
    found = await finishOrDrop(ctx, state, found)
    if (!found) state = (await OrderState.read(ctx, orderId))!
  }
  if (!found) {
    const problem = overReturn(state, wanted)
    if (problem) return refused(ctx, event, data, state, problem)
    if (quick(wanted)) {
      found = await requestQuick(ctx, event, data, state, location, wanted, eventMetadata(event, data))
      if (!found) {  // another return of the same units got there first: ours is cancelled
        state = (await OrderState.read(ctx, orderId))!
        const late = overReturn(state, wanted)
        if (!late) throw new Retry(`Medusa: order ${state.order.display_id} changed while the return was made`)
        return refused(ctx, event, data, state, late)
      }
    } else {
      found = await openReturn(ctx, event, data, state, location, wanted)
    }
  }
  if (found.status === "requested" && quick(wanted)) await receiveQuick(ctx, event, found, state, wanted, data)
  else if (found.status !== "received") await receive(ctx, found.id, wanted, data)
  else if (restockPending(state, found, event.event_id)) await restockQuick(ctx, found, state, wanted, event.event_id)
  const refunds = await refund(ctx, event, data, state)
  return { event_id: event.event_id, outcome: receivedBefore && refunds === 0 ? "duplicate" : "applied",
    detail: { medusa_return_id: found.id, refunds } }
}

/** A receive never confirmed is cancelled; a return never requested is dropped (or cancelled when its
 * request is gone already). The order is then locked by nothing of ours. */
async function finishOrDrop(ctx: Ctx, state: OrderState, found: any): Promise<any | undefined> {
  if (state.pending("return_receive", { return_id: found.id })) {
    await ctx.run(cancelReturnReceiveWorkflow, { return_id: found.id })
  }
  if (found.status === "open") {
    if (state.pending("return_request", { return_id: found.id })) {
      await ctx.run(cancelReturnRequestWorkflow, { return_id: found.id })
    } else {
      await ctx.run(cancelReturnWorkflow, { return_id: found.id })
    }
    return undefined
  }
  return found
}

async function openReturn(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState, location: string,
                          wanted: Wanted[]): Promise<any> {
  const change = await ctx.run(beginReturnOrderWorkflow, {
    order_id: state.order.id, location_id: location, created_by: ctx.actor, metadata: eventMetadata(event, data),
    description: `In-store return ${data.return_number}`, internal_note: `posreturns event ${event.event_id}`,
  })
  const returnId = change.return_id
  const items = []
  for (const w of wanted) {
    const reason = await ctx.reasonId(w.reason)
    items.push({ id: w.line, quantity: w.qty, ...(reason ? { reason_id: reason } : {}),
      ...(w.note ? { internal_note: w.note } : {}) })
  }
  try {
    // Medusa drops `no_notification` when it begins a return: an update while the request is open records it
    await ctx.run(updateReturnWorkflow, { return_id: returnId, no_notification: ctx.noNotification })
    await ctx.run(requestItemReturnWorkflow, { return_id: returnId, items })
  } catch (error) {
    await ctx.run(cancelReturnRequestWorkflow, { return_id: returnId })  // else the open return locks the order
    throw error
  }
  await ctx.run(confirmReturnRequestWorkflow, { return_id: returnId, confirmed_by: ctx.actor })
  return { id: returnId, status: "requested" }
}

export async function receive(ctx: Ctx, returnId: string, wanted: Wanted[], data: Record<string, any>): Promise<void> {
  await ctx.run(beginReceiveReturnWorkflow, { return_id: returnId, created_by: ctx.actor,
    internal_note: `Received in store, return ${data.return_number}` })
  try {
    const back = wanted.filter((w) => w.restock).map((w) => ({ id: w.line, quantity: w.restock }))
    const held = wanted.filter((w) => w.qty > w.restock).map((w) => ({ id: w.line, quantity: w.qty - w.restock }))
    if (back.length) await ctx.run(receiveItemReturnRequestWorkflow, { return_id: returnId, items: back })
    if (held.length) await ctx.run(dismissItemReturnRequestWorkflow, { return_id: returnId, items: held })
    await ctx.run(confirmReturnReceiveWorkflow, { return_id: returnId, confirmed_by: ctx.actor })
  } catch (error) {
    await ctx.run(cancelReturnReceiveWorkflow, { return_id: returnId })  // a receive left open would lock the order
    throw error
  }
}

/** Each tender once (a refund's note or a credit line's reference is the marker); how many now. A refund
 * found by its note whose order transaction Medusa never wrote (it stopped inside its refund workflow)
 * gets that transaction now, and counts as done now. */
export async function refund(ctx: Ctx, event: TillEvent, data: Record<string, any>, state: OrderState): Promise<number> {
  const currency = String(data.currency ?? state.order.currency_code ?? ctx.currency).toUpperCase()
  const payments = state.payments()
  const made = new Map<string, [any, any]>(payments.flatMap((p: any) =>
    (p.refunds ?? []).map((r: any) => [String(r.note ?? ""), [p, r]] as [string, [any, any]])))
  const credits = new Set((state.order.credit_lines ?? []).map((c: any) => String(c.reference_id ?? "")))
  let done = 0
  for (const [index, tender] of (data.tenders ?? []).entries()) {
    const marker = `posreturns:${event.event_id}:${index}`
    const amount = major(tender.amount_minor, currency)
    if (Number(tender.amount_minor ?? 0) <= 0 || credits.has(marker)) continue
    const found = made.get(marker)
    if (found) {
      const [payment, paid] = found
      if (booked(state, paid.id)) continue
      await bookRefund(ctx, state, payment, paid)
      done += 1
      continue
    }
    if (tender.method === "store_credit") {
      try {
        await ctx.run(createOrderCreditLinesWorkflow, { id: state.order.id, credit_lines: [{
          amount: `-${amount}`, reference: "posreturns_store_credit", reference_id: marker,
          metadata: { voucher: data.voucher?.code ?? null, return_number: data.return_number } }] })
      } catch (error) {
        if (!(error instanceof Refused)) throw error  // only while the order owes money back; the voucher stands
      }
    } else {
      const payment = payments.find((p: any) => p.id === tender.reference) ?? payments[0]
      if (!payment) continue
      const reason = await ctx.refundReasonId()
      try {
        await ctx.run(refundPaymentWorkflow, { payment_id: payment.id, amount, note: marker, created_by: ctx.actor,
          ...(reason ? { refund_reason_id: reason } : {}) })
      } catch (error) {
        if (error instanceof Refused) {
          throw new Refused(`the return is received in Medusa but the refund of ${amount} was refused: ${error.message}`)
        }
        throw error
      }
    }
    done += 1
  }
  return done
}
