import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, sqlList, type Db, type DbOrTx } from "../../db/connect.js";
import { addDays } from "../../domain/reorder.js";
import { weekStart, type ReportStatus } from "../../domain/rotation.js";
import { dayOf, startOfDay, type WorkingHours } from "../../domain/workingTime.js";
import { mayWriteWeeklyReport, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";
import { appendActivities } from "../clients/timeline.js";
import type { ReportLineInputT } from "./schemas.js";

/**
 * Weekly reports: every salesperson in tiers 1 and 2 reports each week on every client held that
 * week — status, next step and its date — on a form pre-filled with the week's activities. The
 * head sees who has not reported (and on which clients), and may recall a client from a report.
 */
export interface WeekBounds {
  week: string;
  from: Date;
  to: Date;
}

export function weekBounds(week: string, wh: WorkingHours): WeekBounds {
  return { week, from: startOfDay(week, wh), to: startOfDay(addDays(week, 7), wh) };
}

/** A week given by the client must be a Monday, and not after the current week. */
export function checkWeek(week: string, now: Date, wh: WorkingHours): void {
  if (weekStart(week) !== week || week > weekStart(dayOf(now, wh))) throw appError("validation_failed", { fields: [{ field: "week", rule: "monday_not_future" }] });
}

interface HeldRow {
  holding_id: number;
  company_id: number;
  legal_name: string;
  stage: string;
  tier: number;
  started_at: Date | string;
  ended_at: Date | string | null;
}

/** The clients a person held at some point of the week (tiers 1 and 2). */
async function heldDuring(db: DbOrTx, userId: number, b: WeekBounds): Promise<HeldRow[]> {
  return selectRows<HeldRow>(
    db,
    sql`select distinct on (h.company_id) h.id as holding_id, h.company_id, c.legal_name, c.stage, h.tier, h.started_at, h.ended_at
        from holdings h join companies c on c.id = h.company_id
        where h.user_id = ${userId} and h.tier in (1, 2) and h.started_at < ${b.to.toISOString()}::timestamptz
          and (h.ended_at is null or h.ended_at > ${b.from.toISOString()}::timestamptz)
        order by h.company_id, h.started_at desc`,
  );
}

export async function reportForm(db: DbOrTx, userId: number, b: WeekBounds) {
  const held = await heldDuring(db, userId, b);
  const [report] = await selectRows<{ id: number; submitted_at: Date | string | null }>(
    db,
    sql`select id, submitted_at from weekly_reports where user_id = ${userId} and week_start = ${b.week}::date`,
  );
  const lines = report
    ? await selectRows<{ company_id: number; status: ReportStatus; next_step: string; next_step_on: string | null; note: string | null }>(
        db,
        sql`select company_id, status, next_step, next_step_on::text as next_step_on, note from weekly_report_lines where report_id = ${report.id}`,
      )
    : [];
  const ids = held.map((h) => h.company_id);
  const activities = ids.length
    ? await selectRows<{ company_id: number; kind: string; occurred_at: Date | string; text: string | null }>(
        db,
        sql`select company_id, kind, occurred_at, text from activities
            where company_id in (${sqlList(ids)}) and actor_id = ${userId}
              and occurred_at >= ${b.from.toISOString()}::timestamptz and occurred_at < ${b.to.toISOString()}::timestamptz
              and kind in ('call', 'meeting', 'email', 'note', 'deal_opened', 'deal_stage_changed', 'proposal_sent', 'deal_postponed')
            order by occurred_at`,
      )
    : [];
  return {
    week: b.week,
    submittedAt: isoOrNull(report?.submitted_at ?? null),
    clients: held.map((h) => {
      const line = lines.find((l) => l.company_id === h.company_id);
      const week = activities.filter((a) => a.company_id === h.company_id);
      return {
        holdingId: h.holding_id,
        company: { id: h.company_id, legalName: h.legal_name, stage: h.stage },
        tier: h.tier,
        heldNow: h.ended_at === null,
        activities: week.map((a) => ({ kind: a.kind, occurredAt: isoOrNull(a.occurred_at)!, text: a.text })),
        line: line ? { status: line.status, nextStep: line.next_step, nextStepOn: line.next_step_on, note: line.note } : null,
        // The pre-filled status: work happened this week, or it did not.
        suggestedStatus: (week.length ? "progressing" : "stalled") as ReportStatus,
      };
    }),
  };
}

export async function saveReport(db: Db, actor: Actor, b: WeekBounds, input: { lines: ReportLineInputT[]; submit: boolean }) {
  if (!mayWriteWeeklyReport(actor)) throw appError("forbidden");
  return db.transaction(async (tx) => {
    const held = await heldDuring(tx, actor.id, b);
    const heldIds = new Set(held.map((h) => h.company_id));
    const stranger = input.lines.find((l) => !heldIds.has(l.companyId));
    if (stranger) throw appError("not_your_client", { companyId: stranger.companyId });
    const seen = new Set<number>();
    for (const l of input.lines) {
      if (seen.has(l.companyId)) throw appError("validation_failed", { fields: [{ field: "body.lines", rule: "oneLinePerClient", companyId: l.companyId }] });
      seen.add(l.companyId);
    }
    if (input.submit) {
      const missing = held.filter((h) => !seen.has(h.company_id)).map((h) => h.company_id);
      if (missing.length) throw appError("report_incomplete", { missing });
    }
    const [report] = await selectRows<{ id: number; submitted_at: Date | string | null }>(
      tx,
      sql`insert into weekly_reports (user_id, week_start) values (${actor.id}, ${b.week}::date)
          on conflict (user_id, week_start) do update set updated_at = now()
          returning id, submitted_at`,
    );
    await tx.execute(sql`delete from weekly_report_lines where report_id = ${report!.id}`);
    if (input.lines.length) {
      await tx.execute(sql`insert into weekly_report_lines (report_id, company_id, status, next_step, next_step_on, note)
                           select ${report!.id}, v.company_id, v.status, v.next_step, v.next_step_on, v.note
                           from jsonb_to_recordset(${JSON.stringify(
                             input.lines.map((l) => ({ company_id: l.companyId, status: l.status, next_step: l.nextStep.trim(), next_step_on: l.nextStepOn ?? null, note: l.note?.trim() || null })),
                           )}::jsonb) as v(company_id int, status text, next_step text, next_step_on date, note text)`);
    }
    const firstSubmit = input.submit && report!.submitted_at === null;
    if (firstSubmit) {
      await tx.execute(sql`update weekly_reports set submitted_at = now() where id = ${report!.id}`);
      // The report's line is the holder's word on the client: it goes on the client's timeline once.
      await appendActivities(
        tx,
        input.lines.map((l) => ({
          companyId: l.companyId,
          actorId: actor.id,
          kind: "weekly_report" as const,
          text: l.nextStep.trim(),
          data: { week: b.week, status: l.status, nextStepOn: l.nextStepOn ?? null },
        })),
      );
    }
    return reportForm(tx, actor.id, b);
  });
}

/** The head's view of a week: per salesperson, held clients, the report, and what is missing. */
export async function reportsOverview(db: DbOrTx, b: WeekBounds, now: Date, wh: WorkingHours) {
  const people = await selectRows<{ id: number; full_name: string; role: string }>(
    db,
    sql`select id, full_name, role from users where active and role in ('caller', 'manager') order by role, full_name, id`,
  );
  // The week is over (for reporting) once its last working day has passed.
  const overdue = dayOf(now, wh) > addDays(b.week, 4);
  const out = [];
  for (const p of people) {
    const form = await reportForm(db, p.id, b);
    if (!form.clients.length) continue;
    // Each missing client carries its holding, so the head can recall it straight from here.
    const missing = form.clients.filter((c) => !c.line).map((c) => ({ ...c.company, holdingId: c.holdingId, heldNow: c.heldNow, tier: c.tier }));
    out.push({
      user: { id: p.id, fullName: p.full_name, role: p.role },
      held: form.clients.length,
      submittedAt: form.submittedAt,
      missing,
      late: overdue && form.submittedAt === null,
      lines: form.clients.filter((c) => c.line).map((c) => ({ holdingId: c.holdingId, heldNow: c.heldNow, tier: c.tier, company: c.company, ...c.line! })),
    });
  }
  return { week: b.week, overdue, people: out };
}
