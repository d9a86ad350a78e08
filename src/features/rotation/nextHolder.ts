import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import { roleOfTier, type Tier } from "../../domain/conveyor.js";
import { pickNextHolder, type HolderCandidate, type PastHolding } from "../../domain/rotation.js";
import type { RotationSettings } from "../settings/teamSettings.js";

/**
 * Who would take a client next, for many clients in one request (the head's list, a batch of
 * decisions): the active people of each tier's role and their loads are read once, conversion per
 * industry only when the policy asks for it, and every pick counts towards the picked person's
 * load, so a batch spreads instead of piling onto one person.
 */
export class HolderPool {
  private loads = new Map<Tier, Map<number, number>>();
  private conversion = new Map<string, Map<number, number | null>>();

  constructor(
    private readonly db: DbOrTx,
    private readonly rotation: RotationSettings,
    private readonly now = new Date(),
  ) {}

  private async loadsOf(tier: Tier): Promise<Map<number, number>> {
    let loads = this.loads.get(tier);
    if (!loads) {
      // Counted person by person in the index of open holdings, not by reading every holding.
      const rows = await selectRows<{ id: number; open_holdings: number }>(
        this.db,
        sql`select u.id, (select count(*) from holdings h where h.user_id = u.id and h.ended_at is null)::int as open_holdings
            from users u where u.active and u.role = ${roleOfTier(tier)}`,
      );
      this.loads.set(tier, (loads = new Map(rows.map((r) => [r.id, r.open_holdings]))));
    }
    return loads;
  }

  /** Share of each person's ended holdings in the tier and industry that ended in a sale. */
  private async conversionOf(tier: Tier, industry: string | null): Promise<Map<number, number | null>> {
    const key = `${tier}:${industry ?? ""}`;
    let rates = this.conversion.get(key);
    if (!rates) {
      const rows = await selectRows<{ user_id: number; won: number; ended: number }>(
        this.db,
        sql`select h.user_id, (count(*) filter (where h.end_reason = 'sold'))::int as won, count(*)::int as ended
            from holdings h join companies c on c.id = h.company_id
            where h.tier = ${tier} and h.ended_at is not null and c.industry is not distinct from ${industry}
            group by h.user_id`,
      );
      this.conversion.set(key, (rates = new Map(rows.map((r) => [r.user_id, r.ended > 0 ? r.won / r.ended : null]))));
    }
    return rates;
  }

  private async industryOf(companyId: number): Promise<string | null> {
    const [company] = await selectRows<{ industry: string | null }>(this.db, sql`select industry from companies where id = ${companyId}`);
    return company?.industry ?? null;
  }

  /** The rule's pick for a company in a tier (null: nobody eligible); `commit` counts it towards their load. */
  async pick(companyId: number, tier: Tier, commit = false): Promise<number | null> {
    const loads = await this.loadsOf(tier);
    // The company's industry matters only when the policy prefers the best converter in it.
    const rates = this.rotation.preferBestConverter ? await this.conversionOf(tier, await this.industryOf(companyId)) : new Map<number, number | null>();
    const history = await selectRows<{ user_id: number; ended_at: Date | string | null }>(this.db, sql`select user_id, ended_at from holdings where company_id = ${companyId}`);
    const pool: HolderCandidate[] = [...loads].map(([userId, openHoldings]) => ({ userId, openHoldings, conversionRate: rates.get(userId) ?? null }));
    const past: PastHolding[] = history.map((h) => ({ userId: h.user_id, endedAt: h.ended_at === null ? null : new Date(h.ended_at) }));
    const picked = pickNextHolder(pool, past, this.now, { cooldownDays: this.rotation.holderCooldownDays, preferBestConverter: this.rotation.preferBestConverter });
    if (commit && picked !== null) loads.set(picked, (loads.get(picked) ?? 0) + 1);
    return picked;
  }

  /** Someone got a client outside the rule (the head's choice): their load grows all the same. */
  taken(tier: Tier, userId: number): void {
    const loads = this.loads.get(tier);
    if (loads?.has(userId)) loads.set(userId, loads.get(userId)! + 1);
  }
}
