import { sql, type SQL } from "drizzle-orm";
import type { CountryCode } from "libphonenumber-js";
import { escapeLike, selectRows, type Db } from "../../db/connect.js";
import type { CompanyScope } from "../../server/access/index.js";
import type { Language } from "../../server/errors.js";
import { filterConditions, searchKeys, type CompanyFilters } from "../clients/queries.js";
import { keysetPages, listSheet, type ExportSheet, type ListColumn } from "./sheet.js";
import { exportWords, wordFor } from "./words.js";

interface CompanyLine {
  id: number;
  legal_name: string;
  legal_id: string | null;
  legal_id_kind: string | null;
  group_name: string | null;
  industry: string | null;
  size: string | null;
  region: string | null;
  source_name: string | null;
  stage: string;
  holder_name: string | null;
  holder_tier: number | null;
  next_touch: string | null;
  created: string;
  contacts: string | null;
  phones: string | null;
  emails: string | null;
}

/**
 * A free-text query as one condition on the whole list: the list shows a page of the best
 * matches; the export takes every company that matches (tax id, phone or name prefix), in id order.
 */
function searchCondition(q: string, country: CountryCode): SQL {
  const { legalIdPrefix, phoneDigits, namePrefix } = searchKeys(q, country);
  const arms: SQL[] = [];
  if (legalIdPrefix !== undefined) arms.push(sql`c.legal_id collate "C" like ${escapeLike(legalIdPrefix) + "%"}`);
  if (phoneDigits !== undefined) arms.push(sql`c.id in (select p.company_id from contact_phones p where p.e164 collate "C" like ${"+" + escapeLike(phoneDigits) + "%"})`);
  if (namePrefix !== undefined) arms.push(sql`c.search_name collate "C" like ${escapeLike(namePrefix) + "%"}`);
  return arms.length ? sql`(${sql.join(arms, sql` or `)})` : sql`false`;
}

export interface CompanyExportInput {
  scope: CompanyScope;
  filters: CompanyFilters & { q?: string };
  country: CountryCode;
  timeZone: string;
}

/** One page of the base after a company id: the card, its holder, and its contacts joined into three cells. */
function readCompanies(db: Db, input: CompanyExportInput, afterId: number, limit: number): Promise<CompanyLine[]> {
  const q = input.filters.q?.trim();
  const where = [sql`c.id > ${afterId}`, ...filterConditions(input.scope, input.filters), ...(q ? [searchCondition(q, input.country)] : [])];
  const local = (column: SQL) => sql`to_char(${column} at time zone ${input.timeZone}, 'YYYY-MM-DD HH24:MI')`;
  // Contacts come decision makers first. Their phones are looked up per contact (the index
  // phones have), so the plan stays a lookup per row even before the planner has statistics.
  return selectRows<CompanyLine>(
    db,
    sql`select c.id, c.legal_name, c.legal_id, c.legal_id_kind, c.group_name, c.industry, c.size, c.region, src.name as source_name, c.stage,
               u.full_name as holder_name, h.tier as holder_tier, ${local(sql`c.next_touch_at`)} as next_touch, ${local(sql`c.created_at`)} as created,
               k.contacts, k.phones, k.emails
        from companies c
        left join holdings h on h.company_id = c.id and h.ended_at is null
        left join users u on u.id = h.user_id
        left join lead_sources src on src.id = c.source_id
        left join lateral (
          select string_agg(ct.full_name || coalesce(' (' || ct.position || ')', ''), '; ' order by ct.decision_maker desc, ct.id) as contacts,
                 string_agg((select string_agg(p.e164, ', ' order by p.id) from contact_phones p where p.contact_id = ct.id), ', ' order by ct.decision_maker desc, ct.id) as phones,
                 string_agg(nullif(array_to_string(ct.emails, ', '), ''), ', ' order by ct.decision_maker desc, ct.id) as emails
          from contacts ct where ct.company_id = c.id
        ) k on true
        where ${sql.join(where, sql` and `)}
        order by c.id limit ${limit}`,
  );
}

type Header = "id" | "legalName" | "legalId" | "legalIdKind" | "groupName" | "industry" | "size" | "region" | "source" | "stage" | "holder" | "tier" | "nextTouch" | "created" | "contacts" | "phones" | "emails";

/**
 * Headers a spreadsheet person reads at once, chosen so that a file exported here is imported
 * back with its columns guessed (features/imports: "Юридическое название", "ИНН / ЕГРПОУ",
 * "Контактное лицо", "Телефоны", "Email"…); none of the other headers says "contact".
 */
const HEADERS: Record<Language, { sheet: string; headers: Record<Header, string> }> = {
  ru: {
    sheet: "Компании",
    headers: {
      id: "ID", legalName: "Юридическое название", legalId: "ИНН / ЕГРПОУ", legalIdKind: "Вид кода", groupName: "Группа компаний", industry: "Отрасль",
      size: "Размер", region: "Регион", source: "Источник", stage: "Стадия", holder: "Ответственный", tier: "Уровень", nextTouch: "Следующее касание",
      created: "Добавлена", contacts: "Контактное лицо", phones: "Телефоны", emails: "Email",
    },
  },
  uk: {
    sheet: "Компанії",
    headers: {
      id: "ID", legalName: "Юридична назва", legalId: "ЄДРПОУ / ІПН", legalIdKind: "Вид коду", groupName: "Група компаній", industry: "Галузь",
      size: "Розмір", region: "Регіон", source: "Джерело", stage: "Стадія", holder: "Відповідальний", tier: "Рівень", nextTouch: "Наступний дотик",
      created: "Додано", contacts: "Контактна особа", phones: "Телефони", emails: "Email",
    },
  },
  en: {
    sheet: "Companies",
    headers: {
      id: "ID", legalName: "Legal name", legalId: "Tax id", legalIdKind: "Kind of tax id", groupName: "Group", industry: "Industry",
      size: "Size", region: "Region", source: "Source", stage: "Stage", holder: "Holder", tier: "Tier", nextTouch: "Next touch",
      created: "Added", contacts: "Contact person", phones: "Phones", emails: "Email",
    },
  },
};

/** The company list (the same filters and scope as GET /api/companies) as one sheet, read in keyset pages. */
export function companySheet(db: Db, input: CompanyExportInput, language: Language, pageSize?: number): ExportSheet {
  const words = exportWords(language);
  const columns: ListColumn<CompanyLine, Header>[] = [
    { key: "id", kind: "integer", width: 9, value: (c) => c.id },
    { key: "legalName", kind: "text", width: 40, value: (c) => c.legal_name },
    { key: "legalId", kind: "text", width: 14, value: (c) => c.legal_id },
    { key: "legalIdKind", kind: "text", width: 10, value: (c) => wordFor(words.legalIdKinds, c.legal_id_kind) },
    { key: "groupName", kind: "text", width: 20, value: (c) => c.group_name },
    { key: "industry", kind: "text", width: 20, value: (c) => c.industry },
    { key: "size", kind: "text", width: 10, value: (c) => wordFor(words.sizes, c.size) },
    { key: "region", kind: "text", width: 18, value: (c) => c.region },
    { key: "source", kind: "text", width: 20, value: (c) => c.source_name },
    { key: "stage", kind: "text", width: 12, value: (c) => wordFor(words.stages, c.stage) },
    { key: "holder", kind: "text", width: 24, value: (c) => c.holder_name },
    { key: "tier", kind: "integer", width: 8, value: (c) => c.holder_tier },
    { key: "nextTouch", kind: "datetime", width: 17, value: (c) => c.next_touch },
    { key: "created", kind: "datetime", width: 17, value: (c) => c.created },
    { key: "contacts", kind: "text", width: 36, value: (c) => c.contacts },
    { key: "phones", kind: "text", width: 30, value: (c) => c.phones },
    { key: "emails", kind: "text", width: 30, value: (c) => c.emails },
  ];
  const { sheet, headers } = HEADERS[language];
  return listSheet(sheet, columns, headers, keysetPages((afterId, limit) => readCompanies(db, input, afterId, limit), pageSize));
}
