import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../db/connect.js";
import { commissionRules } from "../db/schema.js";
import { firstDayOf, monthOfDay } from "../domain/commission.js";
import { dayOf, DEFAULT_WORKING_HOURS } from "../domain/workingTime.js";

/**
 * The demo's commission rules, so the commissions page shows real figures at once: from the
 * first month of the demo's history, 500.00 UAH per converted lead for callers, 5 % of the first
 * sale for sales managers and 2 % of repeat sales for account managers; from this month on, the
 * callers' rate raised to 600.00 UAH (a rule change to show in the rules' history).
 * Call after the history is written (it reads the earliest holding and order); a base that
 * already has rules is left alone.
 */
export async function writeCommissionRules(tx: DbOrTx, timeZone: string, now: Date): Promise<{ rules: number }> {
  const [existing] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from commission_rules`);
  if (existing!.n > 0) return { rules: 0 };
  const [row] = await selectRows<{ earliest: Date | string | null }>(
    tx,
    sql`select least((select min(started_at) from holdings), (select min(ordered_at) from orders)) as earliest`,
  );
  const [head] = await selectRows<{ id: number }>(tx, sql`select id from users where role = 'head' and active order by id limit 1`);
  const wh = { ...DEFAULT_WORKING_HOURS, timeZone };
  const thisMonth = monthOfDay(dayOf(now, wh));
  const firstMonth = row!.earliest === null ? thisMonth : monthOfDay(dayOf(new Date(row!.earliest), wh));
  const createdBy = head?.id ?? null;
  const rules = [
    { tier: 1, effectiveFrom: firstDayOf(firstMonth), amountMinor: 50_000, currency: "UAH", rateBp: null, createdBy },
    { tier: 2, effectiveFrom: firstDayOf(firstMonth), amountMinor: null, currency: null, rateBp: 500, createdBy },
    { tier: 3, effectiveFrom: firstDayOf(firstMonth), amountMinor: null, currency: null, rateBp: 200, createdBy },
    ...(thisMonth > firstMonth ? [{ tier: 1, effectiveFrom: firstDayOf(thisMonth), amountMinor: 60_000, currency: "UAH", rateBp: null, createdBy }] : []),
  ];
  await tx.insert(commissionRules).values(rules);
  return { rules: rules.length };
}
