import { sql, type SQL } from "drizzle-orm";
import type { CountryCode } from "libphonenumber-js";
import { escapeLike, isoOrNull, selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { companySearchKey, nameQueryKey } from "../../domain/companyNames.js";
import { cleanLegalId } from "../../domain/legalIds.js";
import { looksLikePhone, phoneSearchDigits } from "../../domain/phones.js";
import type { CompanyScope } from "../../server/access/index.js";
import type { ActivityDto, CompanyDto, ContactDto, HoldingDto, SearchInput } from "./schemas.js";


interface CompanyRow {
  id: number;
  legal_name: string;
  legal_id: string | null;
  legal_id_kind: string | null;
  group_name: string | null;
  industry: string | null;
  size: string | null;
  region: string | null;
  source_id: number | null;
  source_name: string | null;
  stage: string;
  next_touch_at: Date | null;
  do_not_call: boolean;
  created_at: Date;
  updated_at: Date;
  holder_id: number | null;
  holder_name: string | null;
  holder_role: string | null;
  holder_tier: number | null;
  holder_since: Date | null;
  holder_term_until: Date | null;
  holder_accepted_at: Date | null;
}

const COMPANY_SELECT = sql`
  select c.id, c.legal_name, c.legal_id, c.legal_id_kind, c.group_name, c.industry, c.size, c.region,
         c.source_id, src.name as source_name, c.stage, c.next_touch_at, c.do_not_call, c.created_at, c.updated_at,
         h.user_id as holder_id, u.full_name as holder_name, u.role as holder_role, h.tier as holder_tier,
         h.started_at as holder_since, h.term_until as holder_term_until, h.accepted_at as holder_accepted_at
  from companies c
  left join holdings h on h.company_id = c.id and h.ended_at is null
  left join users u on u.id = h.user_id
  left join lead_sources src on src.id = c.source_id`;


function toCompanyDto(r: CompanyRow): CompanyDto {
  return {
    id: r.id,
    legalName: r.legal_name,
    legalId: r.legal_id,
    legalIdKind: r.legal_id_kind as CompanyDto["legalIdKind"],
    groupName: r.group_name,
    industry: r.industry,
    size: r.size as CompanyDto["size"],
    region: r.region,
    sourceId: r.source_id,
    source: r.source_name,
    stage: r.stage as CompanyDto["stage"],
    nextTouchAt: isoOrNull(r.next_touch_at),
    doNotCall: r.do_not_call,
    createdAt: isoOrNull(r.created_at)!,
    updatedAt: isoOrNull(r.updated_at)!,
    holder:
      r.holder_id === null
        ? null
        : {
            userId: r.holder_id,
            fullName: r.holder_name!,
            role: r.holder_role!,
            tier: r.holder_tier!,
            since: isoOrNull(r.holder_since)!,
            termUntil: isoOrNull(r.holder_term_until),
            acceptedAt: isoOrNull(r.holder_accepted_at),
          },
  };
}

const HOLDING_JOIN = sql`left join holdings h on h.company_id = c.id and h.ended_at is null`;

/** The list's filters, without the free-text query and paging. */
export type CompanyFilters = Omit<SearchInput, "q" | "limit" | "offset">;

/** The company list's filters as SQL conditions, within the actor's scope (the list and its export share them). */
export function filterConditions(scope: CompanyScope, input: CompanyFilters): SQL[] {
  const where: SQL[] = [];
  if (scope.kind === "held_by") where.push(sql`h.user_id = ${scope.userId}`);
  if (input.stage) where.push(sql`c.stage = ${input.stage}`);
  if (input.industry) where.push(sql`c.industry = ${input.industry}`);
  if (input.region) where.push(sql`c.region = ${input.region}`);
  if (input.sourceId) where.push(sql`c.source_id = ${input.sourceId}`);
  if (input.size) where.push(sql`c.size = ${input.size}`);
  if (input.groupName) where.push(sql`c.group_name = ${input.groupName}`);
  if (input.holderId) where.push(sql`h.user_id = ${input.holderId}`);
  return where;
}

const and = (conditions: SQL[]) => (conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``);

/** What a free-text query matches: a tax id prefix, a phone prefix, a name prefix (the list and its export share the rule). */
export interface SearchKeys {
  legalIdPrefix?: string;
  /** Digits of an E.164 number, without the plus. */
  phoneDigits?: string;
  namePrefix?: string;
}

export function searchKeys(q: string, country: CountryCode): SearchKeys {
  const keys: SearchKeys = {};
  const compact = cleanLegalId(q);
  const isDigits = /^\d+$/.test(compact);
  if (/^\d{3,12}$/.test(compact)) keys.legalIdPrefix = compact;
  if (looksLikePhone(q) || /^\d{5,}$/.test(compact)) {
    const digits = phoneSearchDigits(q, country);
    if (digits.length >= 3) keys.phoneDigits = digits;
  }
  const key = companySearchKey(q) || nameQueryKey(q);
  if (key && !isDigits) keys.namePrefix = key;
  return keys;
}

/**
 * The arms of a free-text search, in the order their matches are listed: tax id prefix, phone
 * prefix, name prefix. Each arm walks its byte-order index and stops after `take` matches that
 * pass the filters, so a short prefix matching thousands of companies still reads one page.
 */
function searchArms(q: string, country: CountryCode, filters: SQL[], take: number): SQL[] {
  const arms: SQL[] = [];
  const { legalIdPrefix, phoneDigits, namePrefix } = searchKeys(q, country);
  if (legalIdPrefix !== undefined) {
    arms.push(sql`(select c.id, 1 as arm, c.legal_id collate "C" as key from companies c ${HOLDING_JOIN}
      where c.legal_id collate "C" like ${escapeLike(legalIdPrefix) + "%"}${and(filters)} order by 3, 1 limit ${take})`);
  }
  if (phoneDigits !== undefined) {
    arms.push(sql`(select c.id, 2 as arm, p.e164 collate "C" as key from contact_phones p join companies c on c.id = p.company_id ${HOLDING_JOIN}
      where p.e164 collate "C" like ${"+" + escapeLike(phoneDigits) + "%"}${and(filters)} order by 3, 1 limit ${take})`);
  }
  if (namePrefix !== undefined) {
    arms.push(sql`(select c.id, 3 as arm, c.search_name collate "C" as key from companies c ${HOLDING_JOIN}
      where c.search_name collate "C" like ${escapeLike(namePrefix) + "%"}${and(filters)} order by 3, 1 limit ${take})`);
  }
  return arms;
}

export interface SearchResult {
  items: CompanyDto[];
  hasMore: boolean;
}

export async function searchCompanies(db: DbOrTx, scope: CompanyScope, input: SearchInput, country: CountryCode): Promise<SearchResult> {
  const filters = filterConditions(scope, input);
  const q = input.q?.trim();
  const page = sql` limit ${input.limit + 1} offset ${input.offset}`;
  let rows: CompanyRow[];
  if (q) {
    const arms = searchArms(q, country, filters, input.offset + input.limit + 1);
    if (arms.length === 0) return { items: [], hasMore: false };
    // A company found by two arms is listed where the first arm puts it.
    rows = await selectRows<CompanyRow>(
      db,
      sql`with matches as (select distinct on (id) id, arm, key from (${sql.join(arms, sql` union all `)}) m order by id, arm, key)
          ${COMPANY_SELECT} join matches m on m.id = c.id
          order by m.arm, m.key, c.id${page}`,
    );
  } else {
    const where = filters.length ? sql` where ${sql.join(filters, sql` and `)}` : sql``;
    rows = await selectRows<CompanyRow>(db, sql`${COMPANY_SELECT}${where} order by c.id desc${page}`);
  }
  return { items: rows.slice(0, input.limit).map(toCompanyDto), hasMore: rows.length > input.limit };
}

export async function findCompany(db: DbOrTx, id: number): Promise<CompanyDto | undefined> {
  const [row] = await selectRows<CompanyRow>(db, sql`${COMPANY_SELECT} where c.id = ${id}`);
  return row && toCompanyDto(row);
}

/** Several companies in one query, keyed by id (for lists built from other tables). */
export async function findCompanies(db: DbOrTx, ids: readonly number[]): Promise<Map<number, CompanyDto>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<CompanyRow>(db, sql`${COMPANY_SELECT} where c.id in (${sqlList(ids)})`);
  return new Map(rows.map((r) => [r.id, toCompanyDto(r)]));
}

/** The open holding of a company, for access decisions. Locks the company row inside a transaction when asked. */
export async function openHoldingOf(db: DbOrTx, companyId: number): Promise<{ userId: number; tier: number; id: number } | null> {
  const [row] = await selectRows<{ id: number; user_id: number; tier: number }>(
    db,
    sql`select id, user_id, tier from holdings where company_id = ${companyId} and ended_at is null`,
  );
  return row ? { id: row.id, userId: row.user_id, tier: row.tier } : null;
}

export async function listContacts(db: DbOrTx, companyId: number): Promise<ContactDto[]> {
  const rows = await selectRows<{
    id: number;
    company_id: number;
    full_name: string;
    position: string | null;
    emails: string[];
    decision_maker: boolean;
    phones: string[] | null;
  }>(
    db,
    sql`select ct.id, ct.company_id, ct.full_name, ct.position, ct.emails, ct.decision_maker,
               array(select p.e164 from contact_phones p where p.contact_id = ct.id order by p.id) as phones
        from contacts ct where ct.company_id = ${companyId}
        order by ct.decision_maker desc, ct.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    fullName: r.full_name,
    position: r.position,
    phones: r.phones ?? [],
    emails: r.emails,
    decisionMaker: r.decision_maker,
  }));
}

export async function findContact(db: DbOrTx, id: number): Promise<ContactDto | undefined> {
  const [row] = await selectRows<{ company_id: number }>(db, sql`select company_id from contacts where id = ${id}`);
  if (!row) return undefined;
  return (await listContacts(db, row.company_id)).find((c) => c.id === id);
}

export async function listHoldings(db: DbOrTx, companyId: number): Promise<HoldingDto[]> {
  const rows = await selectRows<{
    id: number;
    user_id: number;
    full_name: string;
    tier: number;
    started_at: Date;
    term_until: Date | null;
    ended_at: Date | null;
    end_reason: string | null;
  }>(
    db,
    sql`select h.id, h.user_id, u.full_name, h.tier, h.started_at, h.term_until, h.ended_at, h.end_reason
        from holdings h join users u on u.id = h.user_id
        where h.company_id = ${companyId} order by h.started_at desc, h.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    fullName: r.full_name,
    tier: r.tier,
    startedAt: isoOrNull(r.started_at)!,
    termUntil: isoOrNull(r.term_until),
    endedAt: isoOrNull(r.ended_at),
    endReason: r.end_reason,
  }));
}

export interface TimelinePage {
  items: ActivityDto[];
  nextBefore: string | null;
}

/** One page of a company's timeline, newest first, by keyset so deep pages stay fast. */
interface ActivityRow {
  id: number | string;
  company_id: number;
  kind: string;
  occurred_at: Date;
  actor_id: number | null;
  actor_name: string | null;
  text: string | null;
  data: Record<string, unknown>;
}

const ACTIVITY_SELECT = sql`
  select a.id, a.company_id, a.kind, a.occurred_at, a.actor_id, u.full_name as actor_name, a.text, a.data
  from activities a left join users u on u.id = a.actor_id`;

const toActivityDto = (r: ActivityRow): ActivityDto => ({
  id: Number(r.id),
  companyId: r.company_id,
  kind: r.kind,
  occurredAt: isoOrNull(r.occurred_at)!,
  actor: r.actor_id === null ? null : { id: r.actor_id, fullName: r.actor_name ?? "" },
  text: r.text,
  data: r.data ?? {},
});

export async function findActivity(db: DbOrTx, id: number): Promise<ActivityDto | undefined> {
  const [row] = await selectRows<ActivityRow>(db, sql`${ACTIVITY_SELECT} where a.id = ${id}`);
  return row && toActivityDto(row);
}

/** One page of a company's timeline, newest first, by keyset so deep pages stay fast. */
export async function readTimeline(db: DbOrTx, companyId: number, limit: number, before?: { at: Date; id: number }): Promise<TimelinePage> {
  const cursor = before ? sql` and (a.occurred_at, a.id) < (${before.at.toISOString()}::timestamptz, ${before.id})` : sql``;
  const rows = await selectRows<ActivityRow>(
    db,
    sql`${ACTIVITY_SELECT} where a.company_id = ${companyId}${cursor} order by a.occurred_at desc nulls last, a.id desc nulls last limit ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map(toActivityDto);
  const last = items[items.length - 1];
  return { items, nextBefore: rows.length > limit && last ? `${last.occurredAt}|${last.id}` : null };
}

export function parseTimelineCursor(cursor: string | undefined): { at: Date; id: number } | undefined | "invalid" {
  if (!cursor) return undefined;
  const [at, id] = cursor.split("|");
  const date = new Date(at ?? "");
  const n = Number(id);
  if (Number.isNaN(date.getTime()) || !Number.isInteger(n) || n < 1) return "invalid";
  return { at: date, id: n };
}

/** Distinct values for the list filters, most used first (sources come from /api/sources/options). */
export async function companyFacets(db: DbOrTx): Promise<Record<"industries" | "regions", string[]>> {
  const facet = async (column: SQL) =>
    (
      await selectRows<{ v: string }>(
        db,
        sql`select ${column} as v from companies where ${column} is not null group by 1 order by count(*) desc, 1 limit 200`,
      )
    ).map((r) => r.v);
  const [industries, regions] = await Promise.all([facet(sql`industry`), facet(sql`region`)]);
  return { industries, regions };
}
