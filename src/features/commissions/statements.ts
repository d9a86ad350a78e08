import { sql } from "drizzle-orm";
import { selectRows, sqlList, type DbOrTx } from "../../db/connect.js";
import { firstDayOf, monthOfDay, nextMonth, statementsByPerson, TIER_OF_KIND, type CommissionLine, type Month, type MoneyTotal } from "../../domain/commission.js";
import type { Role, Tier } from "../../domain/conveyor.js";
import { dayOf, startOfDay, type WorkingHours } from "../../domain/workingTime.js";
import type { CommissionScope } from "../../server/access/index.js";
import { loadRules } from "./rules.js";
import { monthSales } from "./saleFacts.js";

export interface Person {
  id: number;
  fullName: string;
  role: Role;
}

/** One person's month: who, the lines behind the figure, and the totals per currency. */
export interface PersonStatement {
  person: Person;
  lines: (CommissionLine & { legalName: string })[];
  totals: MoneyTotal[];
}

/** The month a person is in now, by the team's clock. */
export const currentMonth = (wh: WorkingHours, now = new Date()): Month => monthOfDay(dayOf(now, wh));

/** The instants a month starts and ends at, local midnights in the team's time zone. */
export const monthBounds = (month: Month, wh: WorkingHours) => ({ from: startOfDay(firstDayOf(month), wh), to: startOfDay(firstDayOf(nextMonth(month)), wh) });

/**
 * Everyone's statements for a month within the scope (a salesperson: only their own), optionally
 * narrowed to one person; people in name order. Nothing is stored: the figures are counted from
 * the orders, holdings and calls each time, so a late order or a corrected holding shows at once.
 */
export async function monthStatements(db: DbOrTx, month: Month, wh: WorkingHours, scope: CommissionScope, userId?: number): Promise<PersonStatement[]> {
  const { from, to } = monthBounds(month, wh);
  const [{ sales, companyNames }, rules] = await Promise.all([monthSales(db, from, to, wh), loadRules(db)]);
  const only = scope.kind === "own" ? scope.userId : userId;
  const statements = statementsByPerson(only === undefined ? sales : sales.filter((s) => s.userId === only), rules);
  const people = await peopleByIds(db, [...statements.keys()]);
  return [...statements.entries()]
    .map(([id, statement]) => ({
      person: people.get(id)!,
      lines: statement.lines.map((line) => ({ ...line, legalName: companyNames.get(line.companyId) ?? "" })),
      totals: statement.totals,
    }))
    .sort((a, b) => a.person.fullName.localeCompare(b.person.fullName) || a.person.id - b.person.id);
}

/** The tiers a person's lines were earned in (a person who changed role may have lines in two). */
export const tiersOf = (lines: readonly CommissionLine[]): Tier[] => [...new Set(lines.map((l) => TIER_OF_KIND[l.kind]))].sort((a, b) => a - b);

export async function peopleByIds(db: DbOrTx, ids: number[]): Promise<Map<number, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ id: number; full_name: string; role: Role }>(db, sql`select id, full_name, role from users where id in (${sqlList(ids)})`);
  return new Map(rows.map((r) => [r.id, { id: r.id, fullName: r.full_name, role: r.role }]));
}
