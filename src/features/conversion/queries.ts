import { sql, type SQL } from "drizzle-orm";
import { isoOrNull, selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { median } from "../../domain/deals.js";
import { findCompanies, findCompany } from "../clients/queries.js";
import type { CompanyDto } from "../clients/schemas.js";


export interface DealDto {
  id: number;
  companyId: number;
  managerId: number;
  stage: string;
  amountMinor: number | null;
  currency: string | null;
  lostReason: string | null;
  postponedUntil: string | null;
  postponeCategory: string | null;
  postponeNote: string | null;
  openedAt: string;
  closedAt: string | null;
  proposals: { id: number; amountMinor: number; currency: string; sentOn: string; documentUrl: string | null; note: string | null }[];
}

interface DealRow {
  id: number;
  company_id: number;
  manager_id: number;
  stage: string;
  amount_minor: number | string | null;
  currency: string | null;
  lost_reason: string | null;
  postponed_until: string | null;
  postpone_category: string | null;
  postpone_note: string | null;
  opened_at: Date;
  closed_at: Date | null;
}

const DEAL_SELECT = sql`select id, company_id, manager_id, stage, amount_minor, currency, lost_reason,
  to_char(postponed_until, 'YYYY-MM-DD') as postponed_until, postpone_category, postpone_note, opened_at, closed_at from deals`;

async function withProposals(db: DbOrTx, rows: DealRow[]): Promise<DealDto[]> {
  if (rows.length === 0) return [];
  const proposals = await selectRows<{ id: number; deal_id: number; amount_minor: string | number; currency: string; sent_on: string; document_url: string | null; note: string | null }>(
    db,
    sql`select id, deal_id, amount_minor, currency, to_char(sent_on, 'YYYY-MM-DD') as sent_on, document_url, note from proposals
        where deal_id in (${sqlList(rows.map((r) => r.id))}) order by sent_on, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    managerId: r.manager_id,
    stage: r.stage,
    amountMinor: r.amount_minor === null ? null : Number(r.amount_minor),
    currency: r.currency,
    lostReason: r.lost_reason,
    postponedUntil: r.postponed_until,
    postponeCategory: r.postpone_category,
    postponeNote: r.postpone_note,
    openedAt: isoOrNull(r.opened_at)!,
    closedAt: isoOrNull(r.closed_at),
    proposals: proposals
      .filter((p) => p.deal_id === r.id)
      .map((p) => ({ id: p.id, amountMinor: Number(p.amount_minor), currency: p.currency, sentOn: p.sent_on, documentUrl: p.document_url, note: p.note })),
  }));
}

export async function findDeal(db: DbOrTx, id: number): Promise<DealDto | undefined> {
  return (await withProposals(db, await selectRows<DealRow>(db, sql`${DEAL_SELECT} where id = ${id}`)))[0];
}

export async function dealsOf(db: DbOrTx, companyId: number): Promise<DealDto[]> {
  return withProposals(db, await selectRows<DealRow>(db, sql`${DEAL_SELECT} where company_id = ${companyId} order by opened_at desc, id desc`));
}

export interface QueueItem {
  company: CompanyDto;
  queueDay: string | null;
  firstContactDueAt: string | null;
  firstContactAt: string | null;
  firstContactOverdue: boolean;
  deal: DealDto | null;
}

/**
 * A manager's leads for `today`: every lead they hold whose queue day has come, except deals
 * postponed beyond today (they come back on their date). Overdue first contacts first, then the
 * oldest queue day.
 */
export async function leadQueue(db: DbOrTx, filter: { managerId?: number; today: string; overdueOnly?: boolean }): Promise<QueueItem[]> {
  const conditions: SQL[] = [sql`h.tier = 2`, sql`h.ended_at is null`];
  if (filter.managerId) conditions.push(sql`h.user_id = ${filter.managerId}`);
  if (filter.overdueOnly) conditions.push(sql`h.first_contact_at is null and h.first_contact_due_at < now()`);
  else conditions.push(sql`(h.queue_day is null or h.queue_day <= ${filter.today}::date)`, sql`(d.postponed_until is null or d.postponed_until <= ${filter.today}::date)`);
  const rows = await selectRows<{ company_id: number; queue_day: string | null; due: Date | null; contacted: Date | null; overdue: boolean; deal_id: number | null }>(
    db,
    sql`select h.company_id, to_char(h.queue_day, 'YYYY-MM-DD') as queue_day, h.first_contact_due_at as due, h.first_contact_at as contacted,
               (h.first_contact_at is null and h.first_contact_due_at < now()) as overdue, d.id as deal_id
        from holdings h left join deals d on d.company_id = h.company_id and d.closed_at is null
        where ${sql.join(conditions, sql` and `)}
        order by overdue desc, h.queue_day nulls first, h.first_contact_due_at nulls last, h.company_id
        limit 500`,
  );
  // Two queries for the whole queue, not two per lead: this is every manager's first screen.
  const companies = await findCompanies(db, rows.map((r) => r.company_id));
  const dealIds = rows.flatMap((r) => (r.deal_id ? [r.deal_id] : []));
  const deals = dealIds.length
    ? await withProposals(db, await selectRows<DealRow>(db, sql`${DEAL_SELECT} where id in (${sqlList(dealIds)})`))
    : [];
  return rows.map((r) => ({
    company: companies.get(r.company_id)!,
    queueDay: r.queue_day,
    firstContactDueAt: isoOrNull(r.due),
    firstContactAt: isoOrNull(r.contacted),
    firstContactOverdue: r.overdue,
    deal: deals.find((d) => d.id === r.deal_id) ?? null,
  }));
}

export interface PromiseDto {
  id: number;
  companyId: number;
  legalName: string;
  madeBy: { id: number; fullName: string };
  kind: string;
  text: string;
  dueOn: string | null;
  status: "open" | "kept" | "broken";
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export async function listPromises(
  db: DbOrTx,
  filter: { status?: string; madeBy?: number; companyId?: number; heldBy?: number; id?: number },
): Promise<PromiseDto[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.id) conditions.push(sql`p.id = ${filter.id}`);
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  if (filter.madeBy) conditions.push(sql`p.made_by = ${filter.madeBy}`);
  if (filter.companyId) conditions.push(sql`p.company_id = ${filter.companyId}`);
  if (filter.heldBy) conditions.push(sql`exists (select 1 from holdings h where h.company_id = p.company_id and h.ended_at is null and h.user_id = ${filter.heldBy})`);
  const rows = await selectRows<{
    id: number;
    company_id: number;
    legal_name: string;
    made_by: number;
    maker: string;
    kind: string;
    text: string;
    due_on: string | null;
    status: PromiseDto["status"];
    resolved_at: Date | null;
    resolution_note: string | null;
  }>(
    db,
    sql`select p.id, p.company_id, c.legal_name, p.made_by, u.full_name as maker, p.kind, p.text, to_char(p.due_on, 'YYYY-MM-DD') as due_on,
               p.status, p.resolved_at, p.resolution_note
        from promises p join companies c on c.id = p.company_id join users u on u.id = p.made_by
        where ${sql.join(conditions, sql` and `)} order by p.status = 'open' desc, p.due_on nulls last, p.id limit 1000`,
  );
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    legalName: r.legal_name,
    madeBy: { id: r.made_by, fullName: r.maker },
    kind: r.kind,
    text: r.text,
    dueOn: r.due_on,
    status: r.status,
    resolvedAt: isoOrNull(r.resolved_at),
    resolutionNote: r.resolution_note,
  }));
}

export interface ManagerResult {
  managerId: number;
  fullName: string;
  leadsReceived: number;
  contactedInTime: number;
  proposals: number;
  won: number;
  lost: number;
  medianDaysToFirstSale: number | null;
  promisesBroken: number;
}

/** Conversion per manager over a period of lead arrival (days in the team's time zone). */
export async function managerResults(db: DbOrTx, from: string, to: string, timeZone: string, managerId?: number): Promise<ManagerResult[]> {
  const start = sql`(${from}::date)::timestamp at time zone ${timeZone}`;
  const end = sql`((${to}::date + 1)::timestamp at time zone ${timeZone})`;
  const rows = await selectRows<Omit<ManagerResult, "medianDaysToFirstSale" | "managerId" | "fullName" | "leadsReceived" | "contactedInTime" | "promisesBroken"> & {
    id: number;
    full_name: string;
    leads: number;
    in_time: number;
    broken: number;
    days: number[] | null;
  }>(
    db,
    sql`select u.id, u.full_name,
          (select count(*)::int from holdings h where h.user_id = u.id and h.tier = 2 and h.started_at >= ${start} and h.started_at < ${end}) as leads,
          (select count(*)::int from holdings h where h.user_id = u.id and h.tier = 2 and h.started_at >= ${start} and h.started_at < ${end}
              and h.first_contact_at is not null and h.first_contact_at <= h.first_contact_due_at) as in_time,
          (select count(*)::int from proposals p join deals d on d.id = p.deal_id where d.manager_id = u.id and p.created_at >= ${start} and p.created_at < ${end}) as proposals,
          (select count(*)::int from deals d where d.manager_id = u.id and d.stage = 'won' and d.closed_at >= ${start} and d.closed_at < ${end}) as won,
          (select count(*)::int from deals d where d.manager_id = u.id and d.stage = 'lost' and d.closed_at >= ${start} and d.closed_at < ${end}) as lost,
          (select count(*)::int from promises p where p.made_by = u.id and p.status = 'broken') as broken,
          array(select (extract(epoch from d.closed_at - h.started_at) / 86400.0)::float8 from deals d
                join holdings h on h.company_id = d.company_id and h.user_id = d.manager_id and h.tier = 2 and h.started_at <= d.opened_at
                where d.manager_id = u.id and d.stage = 'won' and d.closed_at >= ${start} and d.closed_at < ${end}) as days
        from users u where u.role = 'manager' ${managerId ? sql`and u.id = ${managerId}` : sql``}
        order by u.full_name`,
  );
  return rows.map((r) => {
    const m = median((r.days ?? []).map(Number));
    return {
      managerId: r.id,
      fullName: r.full_name,
      leadsReceived: r.leads,
      contactedInTime: r.in_time,
      proposals: r.proposals,
      won: r.won,
      lost: r.lost,
      medianDaysToFirstSale: m === null ? null : Math.round(m * 10) / 10,
      promisesBroken: r.broken,
    };
  });
}

export interface PendingHandOver {
  company: CompanyDto;
  handedOverAt: string;
  fromManager: { id: number; fullName: string } | null;
  promises: PromiseDto[];
}

/** Customers handed to account management and not yet accepted (one account manager's, or all). */
export async function pendingHandOvers(db: DbOrTx, accountManagerId?: number): Promise<PendingHandOver[]> {
  const rows = await selectRows<{ company_id: number; started_at: Date; from_id: number | null; from_name: string | null }>(
    db,
    sql`select h.company_id, h.started_at, p.user_id as from_id, u.full_name as from_name
        from holdings h
        left join lateral (select user_id from holdings x where x.company_id = h.company_id and x.tier = 2 and x.ended_at <= h.started_at
                           order by x.ended_at desc limit 1) p on true
        left join users u on u.id = p.user_id
        where h.tier = 3 and h.ended_at is null and h.accepted_at is null
          ${accountManagerId ? sql`and h.user_id = ${accountManagerId}` : sql``}
        order by h.started_at`,
  );
  const result: PendingHandOver[] = [];
  for (const r of rows) {
    result.push({
      company: (await findCompany(db, r.company_id))!,
      handedOverAt: isoOrNull(r.started_at)!,
      fromManager: r.from_id ? { id: r.from_id, fullName: r.from_name ?? "" } : null,
      promises: await listPromises(db, { companyId: r.company_id }),
    });
  }
  return result;
}
