import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { salesPeriodFor, termOf } from "../../domain/rotation.js";
import { readRotationSettings } from "../settings/teamSettings.js";
import { currentSalesPeriods } from "./salesPeriods.js";

/**
 * The term of a new holding of a company: the sales period of its segment (industry, else size,
 * else overall), longer for a company in a group, none in tier 3 (and tier 1 unless set).
 */
export async function termForHolding(db: DbOrTx, companyId: number, tier: number, start: Date): Promise<Date | null> {
  const rotation = await readRotationSettings(db);
  if (tier === 3 || (tier === 1 && !rotation.termsInTier1)) return null;
  const [company] = await selectRows<{ industry: string | null; size: string | null; group_name: string | null }>(
    db,
    sql`select industry, size, group_name from companies where id = ${companyId}`,
  );
  const period = salesPeriodFor(await currentSalesPeriods(db, rotation), { industry: company?.industry ?? null, size: company?.size ?? null });
  return termOf(tier, start, period.days, Boolean(company?.group_name), { termsInTier1: rotation.termsInTier1, groupMultiplier: rotation.groupTermMultiplier });
}
