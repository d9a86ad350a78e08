import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RFM_WINDOW_DAYS,
  RFM_SEGMENTS,
  frequencyMonetary,
  quintileScores,
  scoreRfm,
  segmentOf,
  type CustomerPurchases,
  type RfmScores,
  type RfmSegment,
} from "../../src/domain/rfm.js";
import { addDays } from "../../src/domain/reorder.js";

const today = "2025-06-30";
const ago = (days: number) => addDays(today, -days);
/** A customer who bought `amountMinor` on each of the given numbers of days ago. */
const customer = (customerId: number, daysAgo: readonly number[], amountMinor = 100_000_00): CustomerPurchases => ({
  customerId,
  purchases: daysAgo.map((d) => ({ day: ago(d), amountMinor })),
});
const range = (from: number, count: number, step: number) => Array.from({ length: count }, (_, i) => from + i * step);
const scores = (recency: number, frequency: number, monetary: number): RfmScores => ({ recency, frequency, monetary });

describe("quintileScores: 1–5 by fifths of the population, 5 the best", () => {
  it("splits ten different values into pairs: two 1s, two 2s … two 5s", () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("gives equal values equal scores, whatever the order (midrank)", () => {
    expect(quintileScores([5, 5, 1, 9])).toEqual([3, 3, 1, 5]);
    expect(quintileScores([9, 1, 5, 5])).toEqual([5, 1, 3, 3]);
  });

  it("handles small populations sensibly: one customer or all equal sit in the middle, two get 2 and 4", () => {
    expect(quintileScores([])).toEqual([]);
    expect(quintileScores([42])).toEqual([3]);
    expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
    expect(quintileScores([10, 20])).toEqual([2, 4]);
    expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("segmentOf: the rule table, first match wins", () => {
  const rows: [RfmScores, number, RfmSegment][] = [
    [scores(5, 1, 1), 1, "new"],
    [scores(4, 5, 5), 1, "new"],
    [scores(4, 4, 4), 5, "champions"],
    [scores(5, 5, 3), 9, "champions"],
    [scores(3, 5, 5), 9, "loyal"],
    [scores(5, 3, 3), 4, "loyal"],
    [scores(3, 1, 1), 2, "potential"],
    [scores(5, 2, 2), 3, "potential"],
    [scores(1, 5, 4), 9, "cant_lose"],
    [scores(1, 4, 4), 6, "cant_lose"],
    [scores(2, 5, 5), 9, "at_risk"],
    [scores(1, 3, 3), 4, "at_risk"],
    [scores(2, 1, 1), 1, "hibernating"],
    [scores(2, 2, 2), 2, "hibernating"],
    [scores(1, 1, 1), 1, "lost"],
    [scores(1, 2, 2), 0, "lost"],
  ];
  it.each(rows)("%j with %i purchases in the window is %s", (s, n, segment) => {
    expect(segmentOf(s, n)).toBe(segment);
  });

  it("names a customer without purchases no_purchases", () => {
    expect(segmentOf(null, 0)).toBe("no_purchases");
  });

  it("rounds FM half up: F 3 and M 4 make FM 4", () => {
    expect(frequencyMonetary(scores(1, 3, 4))).toBe(4);
    expect(frequencyMonetary(scores(1, 1, 2))).toBe(2);
    expect(frequencyMonetary(scores(1, 5, 5))).toBe(5);
  });

  it("gives every one of the 125 score combinations exactly one segment, and every segment is reachable", () => {
    const seen = new Set<RfmSegment>(["no_purchases"]);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++)
          for (const n of [0, 1, 2, 10]) {
            const segment = segmentOf(scores(r, f, m), n);
            expect(RFM_SEGMENTS).toContain(segment);
            expect(segment).not.toBe("no_purchases");
            seen.add(segment);
          }
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
});

describe("scoreRfm: a team's customers", () => {
  const population = [
    customer(1, range(3, 12, 30)), // monthly all year, bought 3 days ago
    customer(2, [10], 150_000_00), // one purchase, 10 days ago
    customer(3, range(300, 8, 5), 100_000_00), // bought a lot, but nothing for 300 days
    customer(4, range(150, 4, 30)), // 4 purchases, last 150 days ago
    customer(5, [60, 90], 50_000_00), // 2 small purchases, last 60 days ago
    customer(6, []), // never bought
  ];
  const result = scoreRfm(population, today);
  const of = (id: number) => result.find((c) => c.customerId === id)!;

  it("measures recency in days, frequency in purchase days and monetary in minor units over the last 365 days", () => {
    expect(DEFAULT_RFM_WINDOW_DAYS).toBe(365);
    expect(of(1)).toMatchObject({ recencyDays: 3, frequency: 12, monetaryMinor: 1_200_000_00 });
    expect(of(3)).toMatchObject({ recencyDays: 300, frequency: 8, monetaryMinor: 800_000_00 });
    expect(of(5)).toMatchObject({ recencyDays: 60, frequency: 2, monetaryMinor: 100_000_00 });
  });

  it("scores each measure by fifths of the customers who bought", () => {
    expect(result.map((c) => c.scores)).toEqual([
      scores(5, 5, 5),
      scores(4, 1, 2),
      scores(1, 4, 4),
      scores(2, 3, 3),
      scores(3, 2, 1),
      null,
    ]);
  });

  it("names the segments: champion, new, can't lose, at risk, potential, no purchases", () => {
    expect(result.map((c) => [c.customerId, c.segment])).toEqual([
      [1, "champions"],
      [2, "new"],
      [3, "cant_lose"],
      [4, "at_risk"],
      [5, "potential"],
      [6, "no_purchases"],
    ]);
  });

  it("counts a purchase 364 days ago in the window and one 365 days ago out of it; recency ignores the window", () => {
    expect(scoreRfm([customer(1, [364, 365], 10_00)], today)[0]).toMatchObject({ recencyDays: 364, frequency: 1, monetaryMinor: 10_00 });
    expect(scoreRfm([customer(1, [500])], today)[0]).toMatchObject({ recencyDays: 500, frequency: 0, monetaryMinor: 0 });
  });

  it("takes the window as a parameter", () => {
    expect(scoreRfm([customer(1, [5, 20, 40], 10_00)], today, 30)[0]).toMatchObject({ frequency: 2, monetaryMinor: 20_00 });
  });

  it("counts several orders on one day as one purchase but adds up their amounts", () => {
    const c = { customerId: 1, purchases: [{ day: ago(7), amountMinor: 10_00 }, { day: ago(7), amountMinor: 15_00 }] };
    expect(scoreRfm([c], today)[0]).toMatchObject({ recencyDays: 7, frequency: 1, monetaryMinor: 25_00 });
  });

  it("ignores purchases dated after today", () => {
    expect(scoreRfm([customer(1, [-3])], today)[0]).toMatchObject({ recencyDays: null, scores: null, segment: "no_purchases" });
    expect(scoreRfm([customer(1, [-3, 4], 10_00)], today)[0]).toMatchObject({ recencyDays: 4, frequency: 1, monetaryMinor: 10_00 });
  });

  it("scores a lone customer in the middle rather than as lost or a champion", () => {
    expect(scoreRfm([customer(1, [3, 40, 80])], today)[0]).toMatchObject({ scores: scores(3, 3, 3), segment: "loyal" });
  });

  it("handles no customers", () => {
    expect(scoreRfm([], today)).toEqual([]);
  });
});

describe("RFM properties", () => {
  const populationArb = fc
    .array(
      fc.array(fc.record({ daysAgo: fc.integer({ min: -5, max: 800 }), amountMinor: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 12 }),
      { maxLength: 40 },
    )
    .map((customers) =>
      customers.map((ps, i): CustomerPurchases => ({ customerId: i + 1, purchases: ps.map((p) => ({ day: ago(p.daysAgo), amountMinor: p.amountMinor })) })),
    );

  it("scores every customer who bought 1–5 on each measure, and nobody else", () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        for (const c of scoreRfm(population, today)) {
          if (c.recencyDays === null) expect(c.scores).toBeNull();
          else for (const s of Object.values(c.scores!)) expect([1, 2, 3, 4, 5]).toContain(s);
        }
      }),
    );
  });

  it("gives every customer exactly one segment, in the order given", () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        const result = scoreRfm(population, today);
        expect(result.map((c) => c.customerId)).toEqual(population.map((c) => c.customerId));
        for (const c of result) {
          expect(RFM_SEGMENTS).toContain(c.segment);
          expect(c.segment === "no_purchases").toBe(c.scores === null);
        }
      }),
    );
  });

  it("never gives a customer who bought more recently a worse recency score", () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        const bought = scoreRfm(population, today).filter((c) => c.scores);
        for (const a of bought)
          for (const b of bought) if (a.recencyDays! < b.recencyDays!) expect(a.scores!.recency).toBeGreaterThanOrEqual(b.scores!.recency);
      }),
    );
  });

  it("never lowers a customer's recency score when they buy again", () => {
    fc.assert(
      fc.property(populationArb, fc.nat(), fc.integer({ min: 0, max: 800 }), fc.nat(1_000_000), (population, pick, daysAgo, amountMinor) => {
        fc.pre(population.length > 0);
        const i = pick % population.length;
        const before = scoreRfm(population, today)[i]!;
        fc.pre(before.recencyDays !== null && daysAgo < before.recencyDays);
        const again = population.map((c, j) => (j === i ? { ...c, purchases: [...c.purchases, { day: ago(daysAgo), amountMinor }] } : c));
        const after = scoreRfm(again, today)[i]!;
        expect(after.scores!.recency).toBeGreaterThanOrEqual(before.scores!.recency);
      }),
    );
  });

  it("does not depend on the order of customers or of their purchases", () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        const shuffled = [...population].reverse().map((c) => ({ ...c, purchases: [...c.purchases].reverse() }));
        const byId = (rs: ReturnType<typeof scoreRfm>) => [...rs].sort((a, b) => a.customerId - b.customerId);
        expect(byId(scoreRfm(shuffled, today))).toEqual(byId(scoreRfm(population, today)));
      }),
    );
  });

  it("quintileScores: equal values get equal scores, a better value never a worse one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), (values) => {
        const s = quintileScores(values);
        values.forEach((v, i) =>
          values.forEach((w, j) => {
            if (v === w) expect(s[i]).toBe(s[j]);
            if (v > w) expect(s[i]).toBeGreaterThanOrEqual(s[j]!);
          }),
        );
      }),
    );
  });

  it("quintileScores: 5m different values get exactly m of each score", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 5, maxLength: 100 }), (values) => {
        const distinct = values.slice(0, values.length - (values.length % 5));
        const s = quintileScores(distinct);
        for (let score = 1; score <= 5; score++) expect(s.filter((x) => x === score)).toHaveLength(distinct.length / 5);
      }),
    );
  });
});
