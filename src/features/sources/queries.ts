import { sql } from "drizzle-orm";
import { isoOrNull, selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { mayReadCompany, type Actor, type SourceScope } from "../../server/access/index.js";
import { INTAKE_OUTCOMES, type IntakeOutcome, type IntakeRowDto, type LeadSourceDto, type OutcomeCountsDto, type SourceKind, type SourceOptionDto } from "./schemas.js";

interface SourceRow {
  id: number;
  name: string;
  kind: string;
  cost_per_lead_minor: number | string | null;
  currency: string | null;
  owner_id: number | null;
  owner_name: string | null;
  active: boolean;
  intake_enabled: boolean;
  intake_hourly_limit: number;
  waiting_leads: number;
  created_at: Date;
  updated_at: Date;
}

const noCounts = (): OutcomeCountsDto => ({ accepted: 0, duplicate: 0, invalid: 0, rate_limited: 0 });

/**
 * Sources with their owners, intake state, what was posted to them in the last day and week,
 * and the leads they brought that nobody holds yet.
 */
export async function listSources(db: DbOrTx, scope: SourceScope, onlyId?: number): Promise<LeadSourceDto[]> {
  const where = [
    scope.kind === "owned_by" ? sql`s.owner_id = ${scope.userId}` : sql`true`,
    onlyId === undefined ? sql`true` : sql`s.id = ${onlyId}`,
  ];
  const rows = await selectRows<SourceRow>(
    db,
    sql`select s.id, s.name, s.kind, s.cost_per_lead_minor, s.currency, s.owner_id, u.full_name as owner_name, s.active,
               s.intake_token_hash is not null as intake_enabled, s.intake_hourly_limit, s.created_at, s.updated_at,
               (select count(*)::int from companies c
                 where c.source_id = s.id and c.stage = 'lead'
                   and not exists (select 1 from holdings h where h.company_id = c.id and h.ended_at is null)) as waiting_leads
        from lead_sources s left join users u on u.id = s.owner_id
        where ${sql.join(where, sql` and `)}
        order by s.active desc, lower(s.name)`,
  );
  if (rows.length === 0) return [];
  const counts = await selectRows<{ source_id: number; outcome: IntakeOutcome; day: number; week: number }>(
    db,
    sql`select source_id, outcome,
               count(*) filter (where received_at >= now() - interval '24 hours')::int as day, count(*)::int as week
        from lead_intakes
        where received_at >= now() - interval '7 days' and source_id in (${sqlList(rows.map((r) => r.id))})
        group by 1, 2`,
  );
  return rows.map((r) => {
    const last24h = noCounts();
    const last7d = noCounts();
    for (const c of counts) {
      if (c.source_id !== r.id || !INTAKE_OUTCOMES.includes(c.outcome)) continue;
      last24h[c.outcome] = c.day;
      last7d[c.outcome] = c.week;
    }
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as SourceKind,
      costPerLeadMinor: r.cost_per_lead_minor === null ? null : Number(r.cost_per_lead_minor),
      currency: r.currency,
      owner: r.owner_id === null ? null : { id: r.owner_id, fullName: r.owner_name ?? "" },
      active: r.active,
      intake: { enabled: r.intake_enabled, hourlyLimit: r.intake_hourly_limit, last24h, last7d },
      waitingLeads: r.waiting_leads,
      createdAt: isoOrNull(r.created_at)!,
      updatedAt: isoOrNull(r.updated_at)!,
    };
  });
}

/** Active sources to pick from when adding a company, by name. */
export async function sourceOptions(db: DbOrTx): Promise<SourceOptionDto[]> {
  const rows = await selectRows<{ id: number; name: string; kind: SourceKind }>(
    db,
    sql`select id, name, kind from lead_sources where active order by lower(name)`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
}

export interface SourceFacts {
  id: number;
  name: string;
  ownerId: number | null;
  active: boolean;
  hourlyLimit: number;
}

export async function findSourceFacts(db: DbOrTx, id: number): Promise<SourceFacts | undefined> {
  const [row] = await selectRows<{ id: number; name: string; owner_id: number | null; active: boolean; intake_hourly_limit: number }>(
    db,
    sql`select id, name, owner_id, active, intake_hourly_limit from lead_sources where id = ${id}`,
  );
  return row && { id: row.id, name: row.name, ownerId: row.owner_id, active: row.active, hourlyLimit: row.intake_hourly_limit };
}

export const INTAKE_PAGE_SIZE = 50;

/**
 * A page of what was posted to a source, newest first. The company's name, and what was posted
 * about it, show only to a viewer who may read the company: an owner who does not hold the lead
 * sees that it was accepted, not the client's contacts.
 */
export async function listIntakes(
  db: DbOrTx,
  actor: Actor,
  sourceId: number,
  query: { outcome?: IntakeOutcome; page: number },
): Promise<{ items: IntakeRowDto[]; hasMore: boolean }> {
  const outcome = query.outcome ? sql` and i.outcome = ${query.outcome}` : sql``;
  const rows = await selectRows<{
    id: number | string;
    received_at: Date;
    outcome: IntakeOutcome;
    error_code: string | null;
    company_id: number | null;
    legal_name: string | null;
    holder_id: number | null;
    stage: string | null;
    payload: Record<string, unknown>;
  }>(
    db,
    sql`select i.id, i.received_at, i.outcome, i.error_code, i.company_id, c.legal_name, c.stage, h.user_id as holder_id, i.payload
        from lead_intakes i
        left join companies c on c.id = i.company_id
        left join holdings h on h.company_id = i.company_id and h.ended_at is null
        where i.source_id = ${sourceId}${outcome}
        order by i.received_at desc, i.id desc
        limit ${INTAKE_PAGE_SIZE + 1} offset ${(query.page - 1) * INTAKE_PAGE_SIZE}`,
  );
  const items = rows.slice(0, INTAKE_PAGE_SIZE).map((r) => {
    const holding = r.holder_id === null ? null : { userId: r.holder_id };
    const readable = r.company_id === null || mayReadCompany(actor, holding);
    return {
      id: Number(r.id),
      receivedAt: isoOrNull(r.received_at)!,
      outcome: r.outcome,
      errorCode: r.error_code,
      company:
        r.company_id === null
          ? null
          : {
              id: r.company_id,
              legalName: readable ? r.legal_name : null,
              waiting: r.stage === "lead" && holding === null,
            },
      payload: readable ? (r.payload ?? {}) : {},
    };
  });
  return { items, hasMore: rows.length > INTAKE_PAGE_SIZE };
}
