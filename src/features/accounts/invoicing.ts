import { sql } from "drizzle-orm";
import { pgConstraint, pgErrorCode, selectRows, type Db, type Tx } from "../../db/connect.js";
import { dayOf } from "../../domain/workingTime.js";
import { mayBill, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { appendActivities } from "../clients/timeline.js";
import { readSettings } from "../settings/teamSettings.js";
import { findInvoices, type InvoiceDto } from "./queries.js";
import type { IssueInvoiceInput } from "./schemas.js";

/**
 * The back office bills customers: an invoice from an order, for its total; then paid, or
 * cancelled (with a reason) so that the order can be billed again. Each step is on the timeline.
 */
async function todayOf(tx: Tx, timeZone: string) {
  return dayOf(new Date(), (await readSettings(tx, timeZone)).workingHours);
}

async function invoiceById(tx: Tx, id: number, today: string): Promise<InvoiceDto> {
  const [invoice] = await findInvoices(tx, { scope: { kind: "all" }, invoiceId: id, today, limit: 1, offset: 0 });
  return invoice!;
}

/** The next free number of the year: 2026-000001, 2026-000002, … */
async function nextNumber(tx: Tx, year: string): Promise<string> {
  const [row] = await selectRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(number from 6)::int), 0) + 1 as n from invoices where number ~ ${`^${year}-[0-9]{6}$`}`,
  );
  return `${year}-${String(row!.n).padStart(6, "0")}`;
}

export async function issueInvoice(db: Db, actor: Actor, orderId: number, input: IssueInvoiceInput, timeZone: string): Promise<InvoiceDto> {
  if (!mayBill(actor)) throw appError("forbidden");
  try {
    return await db.transaction(async (tx) => {
      const [order] = await selectRows<{ id: number; company_id: number; total_minor: number; currency: string }>(
        tx,
        sql`select id, company_id, total_minor::float8 as total_minor, currency from orders where id = ${orderId} for update`,
      );
      if (!order) throw appError("order_not_found");
      const today = await todayOf(tx, timeZone);
      const issuedOn = input.issuedOn ?? today;
      if (input.dueOn < issuedOn) throw appError("invoice_dates_invalid");
      const [live] = await selectRows<{ id: number }>(tx, sql`select id from invoices where order_id = ${orderId} and status <> 'cancelled'`);
      if (live) throw appError("order_already_invoiced", { invoiceId: live.id });
      // Numbering is serialised by a transaction lock, so two clerks never draw the same number.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('conveyor:invoice-number'))`);
      const number = input.number?.trim() ?? (await nextNumber(tx, issuedOn.slice(0, 4)));
      const [row] = await selectRows<{ id: number }>(
        tx,
        sql`insert into invoices (order_id, company_id, number, issued_on, due_on, amount_minor, currency, issued_by)
            values (${orderId}, ${order.company_id}, ${number}, ${issuedOn}, ${input.dueOn}, ${order.total_minor}, ${order.currency}, ${actor.id})
            returning id`,
      );
      await appendActivities(tx, [
        { companyId: order.company_id, actorId: actor.id, kind: "invoice_issued", data: { invoiceId: row!.id, orderId, number, amountMinor: order.total_minor, currency: order.currency, dueOn: input.dueOn } },
      ]);
      return invoiceById(tx, row!.id, today);
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505" && pgConstraint(err) === "invoices_number_key") throw appError("invoice_number_taken");
    if (pgErrorCode(err) === "23505" && pgConstraint(err) === "invoices_one_live_per_order") throw appError("order_already_invoiced");
    throw err;
  }
}

async function lockOpenInvoice(tx: Tx, invoiceId: number) {
  const [invoice] = await selectRows<{ id: number; company_id: number; status: string; issued_on: string; number: string }>(
    tx,
    sql`select id, company_id, status, issued_on::text as issued_on, number from invoices where id = ${invoiceId} for update`,
  );
  if (!invoice) throw appError("invoice_not_found");
  if (invoice.status !== "issued") throw appError("invoice_closed", { status: invoice.status });
  return invoice;
}

export async function payInvoice(db: Db, actor: Actor, invoiceId: number, paidOn: string | undefined, timeZone: string): Promise<InvoiceDto> {
  if (!mayBill(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const invoice = await lockOpenInvoice(tx, invoiceId);
    const today = await todayOf(tx, timeZone);
    const day = paidOn ?? today;
    if (day < invoice.issued_on || day > today) throw appError("invoice_dates_invalid");
    await tx.execute(sql`update invoices set status = 'paid', paid_on = ${day}, closed_by = ${actor.id}, updated_at = now() where id = ${invoiceId}`);
    await appendActivities(tx, [{ companyId: invoice.company_id, actorId: actor.id, kind: "invoice_paid", data: { invoiceId, number: invoice.number, paidOn: day } }]);
    return invoiceById(tx, invoiceId, today);
  });
}

export async function cancelInvoice(db: Db, actor: Actor, invoiceId: number, reason: string, timeZone: string): Promise<InvoiceDto> {
  if (!mayBill(actor)) throw appError("forbidden");
  if (!reason.trim()) throw appError("reason_required");
  return db.transaction(async (tx) => {
    const invoice = await lockOpenInvoice(tx, invoiceId);
    await tx.execute(sql`update invoices set status = 'cancelled', cancel_reason = ${reason.trim()}, closed_by = ${actor.id}, updated_at = now() where id = ${invoiceId}`);
    await appendActivities(tx, [{ companyId: invoice.company_id, actorId: actor.id, kind: "invoice_cancelled", text: reason.trim(), data: { invoiceId, number: invoice.number } }]);
    return invoiceById(tx, invoiceId, await todayOf(tx, timeZone));
  });
}
