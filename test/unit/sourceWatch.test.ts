import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOURCE_WATCH,
  alertStep,
  cohortWindows,
  conversionDrop,
  evidenceWindowMs,
  fisherLowerTail,
  intakeRejects,
  logFactorial,
  noConnects,
  sameFigures,
  type Counts,
} from "../../src/domain/sourceWatch.js";

const rules = { minSample: DEFAULT_SOURCE_WATCH.minSample, alpha: DEFAULT_SOURCE_WATCH.alpha };

/** The exact one-sided p-value in rational arithmetic: the reference the float version must match. */
function exactLowerTail(recent: Counts, baseline: Counts): number {
  const choose = (n: number, k: number): bigint => {
    if (k < 0 || k > n) return 0n;
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const total = recent.trials + baseline.trials;
  const successes = recent.successes + baseline.successes;
  let tail = 0n;
  for (let x = 0; x <= recent.successes; x++) tail += choose(successes, x) * choose(total - successes, recent.trials - x);
  const all = choose(total, recent.trials);
  // Twelve significant digits are plenty for a reference.
  return Number((tail * 10n ** 12n) / all) / 1e12;
}

/** A recent window and a baseline with successes within their trials. */
const windowPair = (maxTrials: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxTrials }), fc.integer({ min: 0, max: maxTrials }))
    .chain(([n1, n2]) => fc.record({ recent: fc.constant(n1), baseline: fc.constant(n2), a: fc.integer({ min: 0, max: n1 }), c: fc.integer({ min: 0, max: n2 }) }))
    .map(({ recent, baseline, a, c }) => ({ recent: { trials: recent, successes: a }, baseline: { trials: baseline, successes: c } }));

describe("logFactorial", () => {
  it("sums logs exactly for small n and agrees with that sum past the table (Stirling's series)", () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let sum = 0;
    for (let n = 1; n <= 2000; n++) sum += Math.log(n);
    expect(Math.abs(logFactorial(2000) - sum) / sum).toBeLessThan(1e-13);
  });
});

describe("fisherLowerTail: did the recent rate fall below the baseline's by more than chance?", () => {
  it("pins the lady tasting tea: 1 of 4 against 3 of 4 gives one-sided p = 17/70 = 0.2429", () => {
    expect(fisherLowerTail({ trials: 4, successes: 1 }, { trials: 4, successes: 3 })).toBeCloseTo(17 / 70, 12);
    expect(fisherLowerTail({ trials: 4, successes: 0 }, { trials: 4, successes: 4 })).toBeCloseTo(1 / 70, 12);
  });

  it("matches exact rational arithmetic on small tables", () => {
    fc.assert(
      fc.property(windowPair(60), ({ recent, baseline }) => {
        expect(Math.abs(fisherLowerTail(recent, baseline) - exactLowerTail(recent, baseline))).toBeLessThan(1e-9);
      }),
    );
  });

  it("is a probability: p in [0, 1], never NaN, up to a million trials", () => {
    fc.assert(
      fc.property(windowPair(1_000_000), ({ recent, baseline }) => {
        const p = fisherLowerTail(recent, baseline);
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("gives at least one half (no evidence of a drop) when the recent rate is not below the baseline's", () => {
    fc.assert(
      fc.property(windowPair(5000), ({ recent, baseline }) => {
        fc.pre(recent.trials > 0 && baseline.trials > 0 && recent.successes * baseline.trials >= baseline.successes * recent.trials);
        expect(fisherLowerTail(recent, baseline)).toBeGreaterThanOrEqual(0.5 - 1e-12);
      }),
    );
  });

  it("is monotonic: fewer recent successes never give a larger p", () => {
    fc.assert(
      fc.property(windowPair(3000), ({ recent, baseline }) => {
        fc.pre(recent.successes > 0);
        const fewer = fisherLowerTail({ ...recent, successes: recent.successes - 1 }, baseline);
        expect(fewer).toBeLessThanOrEqual(fisherLowerTail(recent, baseline) + 1e-12);
      }),
    );
  });

  it("stays accurate with half a million leads a window: close to the two-proportion z-test there", () => {
    // 30.0 % against 30.2 % over 500,000 leads each: z ≈ 2.18, p ≈ 0.0146.
    const p = fisherLowerTail({ trials: 500_000, successes: 150_000 }, { trials: 500_000, successes: 151_000 });
    expect(p).toBeGreaterThan(0.013);
    expect(p).toBeLessThan(0.016);
    // A collapse that large is beyond any doubt, and still a number.
    expect(fisherLowerTail({ trials: 1_000_000, successes: 100_000 }, { trials: 1_000_000, successes: 400_000 })).toBe(0);
  });
});

describe("conversionDrop: the rule the sweep raises an alert by", () => {
  it("alerts on 4 of 40 qualified against 45 % over the baseline, with the figures behind it", () => {
    const { alert, figures } = conversionDrop({ trials: 40, successes: 4 }, { trials: 200, successes: 90 }, rules);
    expect(alert).toBe(true);
    expect(figures.recent).toEqual({ trials: 40, successes: 4, rate: 0.1 });
    expect(figures.baseline).toEqual({ trials: 200, successes: 90, rate: 0.45 });
    expect(figures.relativeDrop).toBeCloseTo(0.7778, 4);
    expect(figures.pValue).toBeLessThan(0.001);
  });

  it("does not alert on a dip chance explains", () => {
    expect(conversionDrop({ trials: 40, successes: 15 }, { trials: 200, successes: 90 }, rules).alert).toBe(false);
  });

  it("never alerts below the minimum sample in either window, however extreme", () => {
    fc.assert(
      fc.property(windowPair(500), fc.integer({ min: 1, max: 200 }), ({ recent, baseline }, minSample) => {
        fc.pre(recent.trials < minSample || baseline.trials < minSample);
        expect(conversionDrop(recent, baseline, { minSample, alpha: 0.5 }).alert).toBe(false);
      }),
    );
    expect(conversionDrop({ trials: 19, successes: 0 }, { trials: 1000, successes: 900 }, rules).alert).toBe(false);
  });

  it("never alerts when the recent rate is not below the baseline's, and reports no drop then", () => {
    fc.assert(
      fc.property(windowPair(2000), ({ recent, baseline }) => {
        fc.pre(recent.trials > 0 && baseline.trials > 0 && recent.successes * baseline.trials >= baseline.successes * recent.trials);
        const decision = conversionDrop(recent, baseline, { minSample: 1, alpha: 0.5 });
        expect(decision.alert).toBe(false);
        expect(decision.figures.relativeDrop).toBe(0);
      }),
    );
  });
});

describe("spam-like patterns", () => {
  const spam = { spamMinLeads: 20, spamRejectShare: 0.5, spamMaxConnectRate: 0.1 };

  it("(a) many intake posts, half or more of them rejected", () => {
    const d = intakeRejects({ posts: 30, invalid: 10, duplicate: 4, rateLimited: 1 }, spam);
    expect(d).toEqual({ alert: true, figures: { posts: 30, invalid: 10, duplicate: 4, rateLimited: 1, rejected: 15, rejectShare: 0.5 } });
    expect(intakeRejects({ posts: 30, invalid: 10, duplicate: 4, rateLimited: 0 }, spam).alert).toBe(false);
    // Too few posts say nothing, even all rejected.
    expect(intakeRejects({ posts: 19, invalid: 19, duplicate: 0, rateLimited: 0 }, spam).alert).toBe(false);
  });

  it("(b) many fresh leads called, hardly anyone ever answers", () => {
    expect(noConnects({ attempted: 25, connected: 2 }, spam)).toEqual({ alert: true, figures: { attempted: 25, connected: 2, connectRate: 0.08 } });
    expect(noConnects({ attempted: 25, connected: 5 }, spam).alert).toBe(false);
    expect(noConnects({ attempted: 19, connected: 0 }, spam).alert).toBe(false);
  });
});

describe("alertStep: one live alert per source, kind and metric", () => {
  const firing = { alert: true, figures: { recent: { trials: 40, successes: 4 }, pValue: 0.0001 } };
  const clear = { alert: false, figures: { recent: { trials: 40, successes: 20 }, pValue: 0.6 } };

  it("raises a new condition, and does nothing while none holds", () => {
    expect(alertStep(null, firing)).toEqual({ action: "raise", figures: firing.figures });
    expect(alertStep(null, clear)).toEqual({ action: "none" });
  });

  it("refreshes a lasting condition's figures only when they changed (the database may reorder the keys)", () => {
    expect(alertStep({ figures: { pValue: 0.0001, recent: { successes: 4, trials: 40 } } }, firing)).toEqual({ action: "none" });
    expect(alertStep({ figures: { pValue: 0.001, recent: { successes: 5, trials: 40 } } }, firing)).toEqual({ action: "refresh", figures: firing.figures });
  });

  it("does not raise again what the head dismissed lately, but still resolves and refreshes", () => {
    expect(alertStep(null, firing, true)).toEqual({ action: "none" });
    expect(alertStep({ figures: {} }, firing, true)).toEqual({ action: "refresh", figures: firing.figures });
    const watch = { windowDays: 14, spamWindowHours: 24 };
    expect(evidenceWindowMs("qualified", watch)).toBe(14 * 86_400_000);
    expect(evidenceWindowMs("first_sale", watch)).toBe(14 * 86_400_000);
    expect(evidenceWindowMs("intake_rejects", watch)).toBe(86_400_000);
    expect(evidenceWindowMs("no_connects", watch)).toBe(7 * 86_400_000);
  });

  it("resolves a live alert as recovered when the condition clears", () => {
    expect(alertStep({ figures: firing.figures }, clear)).toEqual({ action: "resolve", resolution: "recovered" });
  });

  it("compares figures as JSON values", () => {
    expect(sameFigures({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameFigures({ a: [1, 2] }, { a: { 0: 1, 1: 2 } })).toBe(false);
    expect(sameFigures({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameFigures(null, {})).toBe(false);
  });
});

describe("cohortWindows: matured leads only", () => {
  it("puts the recent window before the maturity period and the baseline before that", () => {
    const now = new Date("2025-06-30T12:00:00Z");
    const w = cohortWindows(now, 3, { windowDays: 14, baselineDays: 90 });
    expect(w.recent).toEqual({ from: new Date("2025-06-13T12:00:00Z"), to: new Date("2025-06-27T12:00:00Z") });
    expect(w.baseline).toEqual({ from: new Date("2025-03-15T12:00:00Z"), to: new Date("2025-06-13T12:00:00Z") });
  });
});
