import { daysBetween } from "./deals.js";
import type { Day } from "./workingTime.js";

/**
 * RFM: how recently a customer bought (recency, days since the last purchase), how often
 * (frequency, purchase days in the window, by default the last 365 days) and for how much
 * (monetary, the sum in minor units in the window). Each is scored 1–5 against the rest of the
 * customers — 5 is the best fifth — and the scores name a segment the account manager acts on.
 *
 * Scores are percentile ranks (midrank): a customer's percentile is the share of customers with a
 * worse value plus half the share with the same value, and the score is 1 + ⌊5 × percentile⌋.
 * So equal values always get equal scores whatever the input order, a better value never gets
 * a worse score, a lone customer or a population of equals sits in the middle (3), and two
 * customers get 2 and 4 — small populations are not pushed to the extremes.
 *
 * Several orders on one day are one purchase; purchases after `today` are ignored. A customer
 * with no purchase up to today has no scores and the segment `no_purchases`.
 */
export interface RfmPurchase {
  day: Day;
  amountMinor: number;
}

export interface CustomerPurchases {
  customerId: number;
  purchases: readonly RfmPurchase[];
}

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential",
  "new",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
  "no_purchases",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface CustomerRfm {
  customerId: number;
  /** Days since the last purchase, or null without purchases. */
  recencyDays: number | null;
  /** Purchase days in the window. */
  frequency: number;
  /** Sum of purchases in the window, minor units. */
  monetaryMinor: number;
  scores: RfmScores | null;
  segment: RfmSegment;
}

export const DEFAULT_RFM_WINDOW_DAYS = 365;

/** Frequency and monetary together, rounded half up: (F + M) / 2. */
export const frequencyMonetary = (s: RfmScores): number => Math.floor((s.frequency + s.monetary + 1) / 2);

/**
 * The segment rules, first match wins (FM = frequencyMonetary; "one purchase" = exactly one
 * purchase day in the window):
 *
 * | segment     | rule                    | what the account manager does          |
 * |-------------|-------------------------|----------------------------------------|
 * | new         | R ≥ 4, one purchase     | make the second order happen           |
 * | champions   | R ≥ 4, FM ≥ 4           | keep them, ask for referrals           |
 * | loyal       | R ≥ 3, FM ≥ 3           | cross-sell, keep the rhythm            |
 * | potential   | R ≥ 3                   | recent but small: grow the order       |
 * | cant_lose   | R = 1, FM ≥ 4           | big buyers gone quiet: call today      |
 * | at_risk     | R ≤ 2, FM ≥ 3           | good buyers slipping: win them back    |
 * | hibernating | R = 2                   | small and quiet: a reminder, an offer  |
 * | lost        | otherwise (R = 1, FM≤2) | low priority                           |
 */
export const SEGMENT_RULES: readonly { segment: Exclude<RfmSegment, "no_purchases">; applies: (s: RfmScores, purchasesInWindow: number) => boolean }[] = [
  { segment: "new", applies: (s, n) => s.recency >= 4 && n === 1 },
  { segment: "champions", applies: (s) => s.recency >= 4 && frequencyMonetary(s) >= 4 },
  { segment: "loyal", applies: (s) => s.recency >= 3 && frequencyMonetary(s) >= 3 },
  { segment: "potential", applies: (s) => s.recency >= 3 },
  { segment: "cant_lose", applies: (s) => s.recency === 1 && frequencyMonetary(s) >= 4 },
  { segment: "at_risk", applies: (s) => s.recency <= 2 && frequencyMonetary(s) >= 3 },
  { segment: "hibernating", applies: (s) => s.recency === 2 },
  { segment: "lost", applies: () => true },
];

export function segmentOf(scores: RfmScores | null, purchasesInWindow: number): RfmSegment {
  if (!scores) return "no_purchases";
  return SEGMENT_RULES.find((rule) => rule.applies(scores, purchasesInWindow))!.segment;
}

/**
 * Scores 1–5 for a list of values where higher is better: midrank percentile, equal values equal
 * scores. Computed with integers so a percentile on a fifth's boundary never wobbles.
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const below = new Map<number, { worse: number; same: number }>();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    below.set(sorted[i]!, { worse: i, same: j - i });
    i = j;
  }
  return values.map((v) => {
    const { worse, same } = below.get(v)!;
    return Math.min(5, 1 + Math.floor((5 * (2 * worse + same)) / (2 * n)));
  });
}

export function scoreRfm(customers: readonly CustomerPurchases[], today: Day, windowDays = DEFAULT_RFM_WINDOW_DAYS): CustomerRfm[] {
  const measured = customers.map((c) => {
    let last: Day | null = null;
    const inWindow = new Set<Day>();
    let monetaryMinor = 0;
    for (const p of c.purchases) {
      if (p.day > today) continue;
      if (last === null || p.day > last) last = p.day;
      if (daysBetween(p.day, today) < windowDays) {
        inWindow.add(p.day);
        monetaryMinor += p.amountMinor;
      }
    }
    return { customerId: c.customerId, recencyDays: last === null ? null : daysBetween(last, today), frequency: inWindow.size, monetaryMinor };
  });
  const ranked = measured.filter((m) => m.recencyDays !== null);
  // Fewer days since the last purchase is better: score the negated days.
  const r = quintileScores(ranked.map((m) => -m.recencyDays!));
  const f = quintileScores(ranked.map((m) => m.frequency));
  const mon = quintileScores(ranked.map((m) => m.monetaryMinor));
  const scores = new Map(ranked.map((m, i) => [m, { recency: r[i]!, frequency: f[i]!, monetary: mon[i]! }]));
  return measured.map((m) => {
    const s = scores.get(m) ?? null;
    return { ...m, scores: s, segment: segmentOf(s, m.frequency) };
  });
}
