import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/reorder.js";
import {
  DEFAULT_NEXT_HOLDER_POLICY,
  DEFAULT_SALES_PERIOD_POLICY,
  checkExtension,
  deadReason,
  heldRecently,
  lostThenSold,
  pickNextHolder,
  restEnds,
  salesPeriodFor,
  salesPeriodOf,
  salesPeriods,
  termOf,
  weekStart,
  type HeldClient,
  type SaleCase,
} from "../../src/domain/rotation.js";

const DAY = 86_400_000;
const sale = (startedOn: string, days: number, industry: string | null = null, size: string | null = null): SaleCase => ({
  startedOn,
  soldOn: addDays(startedOn, days),
  industry,
  size,
});
const policy = { ...DEFAULT_SALES_PERIOD_POLICY, minCases: 3 };

describe("sales period", () => {
  it("is the mean days from start of work to sale, rounded up, with the median beside it", () => {
    const period = salesPeriodOf([sale("2026-01-01", 10), sale("2026-02-01", 20), sale("2026-03-01", 61)], policy);
    expect(period).toEqual({ days: 31, source: "computed", mean: 91 / 3, median: 20, cases: 3 });
  });

  it("falls back to the fixed value with too few cases, and the head's override always wins", () => {
    expect(salesPeriodOf([sale("2026-01-01", 10)], policy)).toMatchObject({ days: 30, source: "fallback", mean: 10, cases: 1 });
    expect(salesPeriodOf([], policy)).toMatchObject({ days: 30, source: "fallback", mean: null, median: null, cases: 0 });
    const cases = [sale("2026-01-01", 10), sale("2026-02-01", 20), sale("2026-03-01", 30)];
    expect(salesPeriodOf(cases, { ...policy, overrideDays: 45 })).toMatchObject({ days: 45, source: "override", mean: 20, cases: 3 });
  });

  it("is computed per industry and size where there are enough cases, and the most specific one applies", () => {
    const cases = [
      ...[5, 7, 9].map((d) => sale("2026-01-01", d, "Retail", "small")),
      ...[40, 50, 60].map((d) => sale("2026-01-01", d, "Construction", "large")),
      sale("2026-01-01", 100, "Mining", "large"),
    ];
    const periods = salesPeriods(cases, policy);
    expect(periods.overall.cases).toBe(7);
    expect(Object.keys(periods.byIndustry)).toEqual(["Construction", "Retail"]);
    expect(periods.byIndustry.Retail!.days).toBe(7);
    expect(periods.bySize.large!.days).toBe(63);
    expect(salesPeriodFor(periods, { industry: "Retail", size: "large" }).days).toBe(7);
    expect(salesPeriodFor(periods, { industry: "Mining", size: "large" }).days).toBe(63);
    expect(salesPeriodFor(periods, { industry: null, size: null })).toBe(periods.overall);
  });

  it("never gives less than a day, and lies between the shortest and the longest case", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 40 }), (days) => {
        const period = salesPeriodOf(days.map((d) => sale("2026-01-01", d)), policy);
        expect(period.source).toBe("computed");
        expect(period.days).toBeGreaterThanOrEqual(1);
        expect(period.days).toBeGreaterThanOrEqual(Math.min(...days));
        expect(period.days).toBeLessThanOrEqual(Math.max(1, Math.max(...days)));
      }),
    );
  });
});

describe("terms", () => {
  const start = new Date("2026-05-01T09:00:00Z");
  const terms = { termsInTier1: false, groupMultiplier: 1.5 };

  it("gives tier 2 the sales period, a group of related companies longer, tier 1 only when set, tier 3 none", () => {
    expect(termOf(2, start, 30, false, terms)?.toISOString()).toBe("2026-05-31T09:00:00.000Z");
    expect(termOf(2, start, 30, true, terms)?.toISOString()).toBe("2026-06-15T09:00:00.000Z");
    expect(termOf(1, start, 30, false, terms)).toBeNull();
    expect(termOf(1, start, 10, false, { ...terms, termsInTier1: true })?.toISOString()).toBe("2026-05-11T09:00:00.000Z");
    expect(termOf(3, start, 30, false, { ...terms, termsInTier1: true })).toBeNull();
  });
});

describe("the head's list", () => {
  const held = (over: Partial<HeldClient> = {}): HeldClient => ({
    tier: 2,
    startedAt: new Date("2026-05-01T09:00:00Z"),
    termUntil: new Date("2026-05-31T09:00:00Z"),
    lastActivityAt: new Date("2026-05-20T09:00:00Z"),
    soldSinceStart: false,
    ...over,
  });

  it("lists a holding past its term without a sale, and not before", () => {
    expect(deadReason(held(), new Date("2026-05-31T09:00:00Z"), 0)).toBeNull();
    expect(deadReason(held(), new Date("2026-05-31T09:00:01Z"), 0)).toBe("term_expired");
    expect(deadReason(held({ soldSinceStart: true }), new Date("2026-06-30T00:00:00Z"), 0)).toBeNull();
    // Account management is not rotated: a neglected customer is the weekly contact system's business.
    expect(deadReason(held({ tier: 3, lastActivityAt: null }), new Date("2027-06-30T00:00:00Z"), 14)).toBeNull();
  });

  it("lists a holding with no activity for N days, counted from its start when nothing happened", () => {
    const quiet = held({ termUntil: null, lastActivityAt: null });
    expect(deadReason(quiet, new Date("2026-05-15T09:00:00Z"), 14)).toBeNull();
    expect(deadReason(quiet, new Date("2026-05-15T09:00:01Z"), 14)).toBe("inactive");
    // Activity before the holding started (the previous holder's) does not count for this one.
    expect(deadReason(held({ termUntil: null, lastActivityAt: new Date("2026-04-01T00:00:00Z") }), new Date("2026-05-16T00:00:00Z"), 14)).toBe("inactive");
    expect(deadReason(held({ termUntil: null }), new Date("2026-06-01T00:00:00Z"), 14)).toBeNull();
    expect(deadReason(held({ termUntil: null }), new Date("2026-06-04T09:00:01Z"), 14)).toBe("inactive");
    expect(deadReason(held({ termUntil: null, lastActivityAt: null }), new Date("2027-01-01T00:00:00Z"), 0)).toBeNull();
  });

  it("puts every unsold holding past its term on the list, whatever its activity", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
        fc.integer({ min: 0, max: 60 }),
        (termDays, afterTermDays, activityDay, inactiveDays) => {
          const startedAt = new Date("2026-01-01T00:00:00Z");
          const termUntil = new Date(startedAt.getTime() + termDays * DAY);
          const h = held({ startedAt, termUntil, lastActivityAt: activityDay === null ? null : new Date(startedAt.getTime() + activityDay * DAY) });
          expect(deadReason(h, new Date(termUntil.getTime() + afterTermDays * DAY), inactiveDays)).toBe("term_expired");
        },
      ),
    );
  });
});

describe("extensions", () => {
  const ok = { category: "budget_cycle", note: "Budget approved in January", until: "2026-12-15" };
  it("needs an objective reason, a text and a concrete date within the limit", () => {
    expect(checkExtension(ok, "2026-11-23", 60)).toBeNull();
    expect(checkExtension({ ...ok, category: "feels_right" }, "2026-11-23", 60)).toBe("unknown_extension_reason");
    expect(checkExtension({ ...ok, note: "  " }, "2026-11-23", 60)).toBe("reason_required");
    expect(checkExtension({ ...ok, until: "2026-11-23" }, "2026-11-23", 60)).toBe("extension_date_in_past");
    expect(checkExtension({ ...ok, until: "2027-02-01" }, "2026-11-23", 60)).toBe("extension_too_far");
  });
});

describe("the next holder", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const candidates = [
    { userId: 1, openHoldings: 5, conversionRate: 0.1 },
    { userId: 2, openHoldings: 2, conversionRate: 0.05 },
    { userId: 3, openHoldings: 2, conversionRate: 0.3 },
    { userId: 4, openHoldings: 9, conversionRate: 0.6 },
  ];

  it("skips recent holders, then takes the lightest load (ties by id), or the best converter when preferred", () => {
    const history = [{ userId: 2, endedAt: new Date("2026-05-01T00:00:00Z") }];
    expect(pickNextHolder(candidates, history, now, DEFAULT_NEXT_HOLDER_POLICY)).toBe(3);
    expect(pickNextHolder(candidates, [], now, DEFAULT_NEXT_HOLDER_POLICY)).toBe(2);
    expect(pickNextHolder(candidates, history, now, { ...DEFAULT_NEXT_HOLDER_POLICY, preferBestConverter: true })).toBe(4);
    // Past the cooldown a former holder is eligible again.
    expect(pickNextHolder(candidates, history, now, { ...DEFAULT_NEXT_HOLDER_POLICY, cooldownDays: 30 })).toBe(2);
    expect(pickNextHolder([candidates[1]!], [{ userId: 2, endedAt: null }], now, DEFAULT_NEXT_HOLDER_POLICY)).toBeNull();
  });

  it("never picks somebody who held the company within the cooldown, and always picks somebody eligible when there is one", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ userId: fc.integer({ min: 1, max: 12 }), openHoldings: fc.integer({ min: 0, max: 50 }), conversionRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }), {
          selector: (c) => c.userId,
          maxLength: 10,
        }),
        fc.array(fc.record({ userId: fc.integer({ min: 1, max: 12 }), endedDaysAgo: fc.option(fc.integer({ min: 0, max: 400 })) }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 365 }),
        fc.boolean(),
        (cands, past, cooldownDays, preferBestConverter) => {
          const history = past.map((p) => ({ userId: p.userId, endedAt: p.endedDaysAgo === null ? null : new Date(now.getTime() - p.endedDaysAgo * DAY) }));
          const picked = pickNextHolder(cands, history, now, { cooldownDays, preferBestConverter });
          const eligible = cands.filter((c) => !heldRecently(c.userId, history, now, cooldownDays));
          if (picked === null) expect(eligible).toEqual([]);
          else {
            expect(heldRecently(picked, history, now, cooldownDays)).toBe(false);
            if (!preferBestConverter) expect(cands.find((c) => c.userId === picked)!.openHoldings).toBe(Math.min(...eligible.map((c) => c.openHoldings)));
          }
        },
      ),
    );
  });
});

describe("rest, weeks and the quality signal", () => {
  it("ends a rest N days later", () => {
    expect(restEnds("2026-11-23", 14)).toBe("2026-12-07");
    expect(restEnds("2026-11-23", 0)).toBe("2026-11-23");
  });

  it("starts a week on Monday", () => {
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const day = addDays("2024-01-01", n);
        const monday = weekStart(day);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(monday <= day && addDays(monday, 6) >= day).toBe(true);
      }),
    );
  });

  it("counts the clients a salesperson lost that somebody else sold to the same legal entity within the window", () => {
    const lostAt = new Date("2026-03-01T00:00:00Z");
    const lines = lostThenSold(
      [
        { holderId: 1, companyId: 10, legalId: "12345678", lostAt, how: "rotated" },
        { holderId: 1, companyId: 11, legalId: null, lostAt, how: "archived" },
        { holderId: 1, companyId: 12, legalId: "87654321", lostAt, how: "rotated" },
        { holderId: 2, companyId: 13, legalId: null, lostAt, how: "rotated" },
      ],
      [
        // The same legal entity under a new card, sold by the next holder.
        { companyId: 99, legalId: "12345678", soldAt: new Date("2026-04-01T00:00:00Z"), sellerId: 5 },
        { companyId: 11, legalId: null, soldAt: new Date("2026-05-01T00:00:00Z"), sellerId: 6 },
        // Too late for the window.
        { companyId: 12, legalId: "87654321", soldAt: new Date("2027-03-01T00:00:00Z"), sellerId: 5 },
        // Before the loss, or by the same person, does not count.
        { companyId: 13, legalId: null, soldAt: new Date("2026-02-01T00:00:00Z"), sellerId: 5 },
        { companyId: 13, legalId: null, soldAt: new Date("2026-04-01T00:00:00Z"), sellerId: 2 },
      ],
      180,
    );
    expect(lines.map((l) => [l.holderId, l.lost, l.soldLater])).toEqual([
      [1, 3, 2],
      [2, 1, 0],
    ]);
    expect(lines[0]!.cases.map((c) => [c.companyId, c.sellerId])).toEqual([
      [10, 5],
      [11, 6],
    ]);
  });
});
