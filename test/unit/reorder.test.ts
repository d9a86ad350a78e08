import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_MIN_PURCHASES_PER_PRODUCT,
  addDays,
  confidenceOf,
  isOverdueToBuy,
  predictNextPurchase,
  predictReorder,
  reminderDue,
  reorderStatus,
  type Purchase,
  type PurchaseLine,
} from "../../src/domain/reorder.js";

/** Purchase days starting at `start`, one after each interval. */
const daysAfter = (start: string, intervals: readonly number[]) => {
  const days = [start];
  for (const gap of intervals) days.push(addDays(days[days.length - 1]!, gap));
  return days;
};

const PAPER = 1;
const TONER = 2;
const STAPLES = 3;
const line = (productId: number, quantity = 1, amountMinor = 100_00): PurchaseLine => ({ productId, quantity, amountMinor });
const bought = (day: string, ...lines: PurchaseLine[]): Purchase => ({ day, lines });

const MONTHLY = ["2024-01-15", "2024-02-15", "2024-03-15", "2024-04-15", "2024-05-15", "2024-06-15"];

describe("predictNextPurchase: a regular monthly buyer", () => {
  const prediction = predictNextPurchase(MONTHLY)!;

  it("expects the next purchase one usual interval (the median, 31 days) after the last", () => {
    expect(prediction).toMatchObject({ purchases: 6, lastDay: "2024-06-15", intervalDays: 31, expectedDay: "2024-07-16" });
  });

  it("is fairly sure of it: five nearly equal intervals", () => {
    expect(prediction.confidence).toBeGreaterThan(0.65);
    expect(prediction.confidence).toBeLessThanOrEqual(5 / 7);
  });

  it("reads the same history given in any order", () => {
    expect(predictNextPurchase([...MONTHLY].reverse())).toEqual(prediction);
  });
});

describe("predictNextPurchase: an irregular buyer", () => {
  const irregular = daysAfter("2024-01-01", [10, 60, 25, 90, 15]);
  const prediction = predictNextPurchase(irregular)!;

  it("uses the median interval (25 days), not the mean (40)", () => {
    expect(prediction.intervalDays).toBe(25);
    expect(prediction.expectedDay).toBe(addDays(prediction.lastDay, 25));
  });

  it("is less sure than a regular buyer with as many purchases", () => {
    expect(prediction.confidence).toBeLessThan(predictNextPurchase(MONTHLY)!.confidence);
    expect(prediction.confidence).toBeLessThan(0.4);
  });

  it("ignores a single long break: four monthly gaps and one summer break still predict a month", () => {
    const p = predictNextPurchase(daysAfter("2024-01-01", [30, 30, 120, 30, 30]))!;
    expect(p.intervalDays).toBe(30);
  });
});

describe("predictNextPurchase: short histories", () => {
  it("predicts nothing without purchases or from a single purchase", () => {
    expect(predictNextPurchase([])).toBeNull();
    expect(predictNextPurchase(["2024-03-01"])).toBeNull();
  });

  it("predicts from two purchases, with the lowest confidence a perfect rhythm can have (1/3)", () => {
    expect(predictNextPurchase(["2024-03-01", "2024-03-21"])).toEqual({
      purchases: 2,
      lastDay: "2024-03-21",
      intervalDays: 20,
      expectedDay: "2024-04-10",
      confidence: 1 / 3,
    });
  });

  it("counts several orders on one day as one purchase, not an interval of zero days", () => {
    expect(predictNextPurchase(["2024-03-01", "2024-03-01", "2024-03-01"])).toBeNull();
    expect(predictNextPurchase(["2024-03-01", "2024-03-01", "2024-03-11", "2024-03-11"])).toMatchObject({
      purchases: 2,
      intervalDays: 10,
      expectedDay: "2024-03-21",
    });
  });

  it("keeps a half-day median as the interval and rounds the expected day (10.5 → 11 days)", () => {
    const p = predictNextPurchase(daysAfter("2024-03-01", [10, 11]))!;
    expect(p.intervalDays).toBe(10.5);
    expect(p.expectedDay).toBe(addDays(p.lastDay, 11));
  });

  it("counts calendar days across a leap day and a daylight-saving change", () => {
    expect(predictNextPurchase(["2024-02-27", "2024-03-01"])).toMatchObject({ intervalDays: 3, expectedDay: "2024-03-04" });
    expect(predictNextPurchase(["2025-03-29", "2025-03-31"])).toMatchObject({ intervalDays: 2, expectedDay: "2025-04-02" });
  });
});

describe("confidenceOf: n / (n + 2) × e^(−coefficient of variation)", () => {
  it("is 0 without intervals, 1/3 for one, 1/2 for two equal ones", () => {
    expect(confidenceOf([])).toBe(0);
    expect(confidenceOf([30])).toBeCloseTo(1 / 3, 12);
    expect(confidenceOf([7, 7])).toBeCloseTo(1 / 2, 12);
  });

  it("falls with dispersion: intervals of 10 and 30 (cv = 0.5) keep e^−0.5 of 1/2", () => {
    expect(confidenceOf([10, 30])).toBeCloseTo(0.5 * Math.exp(-0.5), 12);
  });

  it("orders histories: 2 purchases < 5 regular < 10 regular, and irregular < regular for the same count", () => {
    const two = predictNextPurchase(daysAfter("2024-01-01", [30]))!.confidence;
    const five = predictNextPurchase(daysAfter("2024-01-01", [30, 30, 30, 30]))!.confidence;
    const ten = predictNextPurchase(daysAfter("2024-01-01", Array(9).fill(30)))!.confidence;
    const fiveIrregular = predictNextPurchase(daysAfter("2024-01-01", [5, 60, 20, 45]))!.confidence;
    expect(two).toBeLessThan(five);
    expect(five).toBeLessThan(ten);
    expect(fiveIrregular).toBeLessThan(five);
  });
});

describe("predictReorder: overall and per regularly bought product", () => {
  // Paper every month; toner every third month; staples twice only.
  const history: Purchase[] = [
    bought("2024-01-01", line(PAPER, 10), line(TONER, 2)),
    bought("2024-02-01", line(PAPER, 10), line(STAPLES, 5)),
    bought("2024-03-01", line(PAPER, 12)),
    bought("2024-04-01", line(PAPER, 10), line(TONER, 2)),
    bought("2024-05-01", line(PAPER, 8), line(STAPLES, 5)),
    bought("2024-06-01", line(PAPER, 10)),
    bought("2024-07-01", line(PAPER, 10), line(TONER, 3)),
  ];
  const result = predictReorder(history);

  it("predicts the next purchase of anything from every purchase day", () => {
    expect(result.overall).toMatchObject({ purchases: 7, lastDay: "2024-07-01", intervalDays: 30.5, expectedDay: "2024-08-01" });
  });

  it("predicts each regularly bought product on its own cycle: toner every quarter, not every month", () => {
    expect(result.products.map((p) => p.productId)).toEqual([PAPER, TONER]);
    const [paper, toner] = result.products;
    expect(paper).toMatchObject({ productId: PAPER, purchases: 7, expectedDay: "2024-08-01", typicalQuantity: 10 });
    expect(toner).toMatchObject({ productId: TONER, purchases: 3, lastDay: "2024-07-01", intervalDays: 91, expectedDay: "2024-09-30", typicalQuantity: 2 });
  });

  it(`calls a product regular from ${DEFAULT_MIN_PURCHASES_PER_PRODUCT} purchases; the threshold is a parameter`, () => {
    expect(result.products.find((p) => p.productId === STAPLES)).toBeUndefined();
    const lenient = predictReorder(history, 2);
    expect(lenient.products.map((p) => p.productId)).toEqual([PAPER, TONER, STAPLES]);
    expect(lenient.products[2]).toMatchObject({ intervalDays: 90, expectedDay: "2024-07-30", confidence: 1 / 3 });
    expect(predictReorder(history, 4).products.map((p) => p.productId)).toEqual([PAPER]);
  });

  it("never predicts a product from fewer than 2 purchases, even when asked to", () => {
    expect(predictReorder([bought("2024-01-01", line(PAPER))], 1).products).toEqual([]);
  });

  it("adds up two lines of the same product on one day, and two orders on one day, as one purchase", () => {
    const r = predictReorder([
      bought("2024-01-01", line(PAPER, 3), line(PAPER, 2)),
      bought("2024-01-01", line(PAPER, 5)),
      bought("2024-02-01", line(PAPER, 10)),
      bought("2024-03-01", line(PAPER, 10)),
    ]);
    expect(r.overall).toMatchObject({ purchases: 3 });
    expect(r.products).toEqual([expect.objectContaining({ productId: PAPER, purchases: 3, typicalQuantity: 10 })]);
  });

  it("does not count a returned line (quantity zero or less) as buying the product", () => {
    const r = predictReorder([
      bought("2024-01-01", line(TONER, 1)),
      bought("2024-02-01", line(TONER, -1)),
      bought("2024-03-01", line(TONER, 0), line(PAPER, 1)),
      bought("2024-04-01", line(TONER, 1)),
    ]);
    expect(r.products).toEqual([]);
    expect(r.overall).toMatchObject({ purchases: 4 });
  });

  it("predicts nothing for a customer with one purchase or none", () => {
    expect(predictReorder([])).toEqual({ overall: null, products: [] });
    expect(predictReorder([bought("2024-01-01", line(PAPER, 10))])).toEqual({ overall: null, products: [] });
  });
});

describe("reminderDue and isOverdueToBuy: the account manager's calendar", () => {
  const prediction = predictNextPurchase(MONTHLY)!; // expected 2024-07-16

  it("reminds from N days before the expected day up to the expected day itself", () => {
    expect(reminderDue(prediction, "2024-07-12", 3)).toBe(false);
    for (const today of ["2024-07-13", "2024-07-14", "2024-07-15", "2024-07-16"]) expect(reminderDue(prediction, today, 3)).toBe(true);
    expect(reminderDue(prediction, "2024-07-17", 3)).toBe(false);
  });

  it("with 0 days before, reminds on the expected day only", () => {
    expect(reminderDue(prediction, "2024-07-15", 0)).toBe(false);
    expect(reminderDue(prediction, "2024-07-16", 0)).toBe(true);
  });

  it("flags a customer overdue to buy the day after the expected day", () => {
    expect(isOverdueToBuy(prediction, "2024-07-16")).toBe(false);
    expect(isOverdueToBuy(prediction, "2024-07-17")).toBe(true);
  });

  it("with grace days, flags it only after the grace has passed", () => {
    expect(isOverdueToBuy(prediction, "2024-07-21", 5)).toBe(false);
    expect(isOverdueToBuy(prediction, "2024-07-22", 5)).toBe(true);
  });

  it("never reminds nor flags a customer without a prediction", () => {
    expect(reminderDue(null, "2024-07-16", 3)).toBe(false);
    expect(isOverdueToBuy(null, "2030-01-01")).toBe(false);
  });
});

describe("reorder properties", () => {
  const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays("2018-01-01", n));
  const intervals = fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 15 });

  it("never predicts a day before (or on) the last purchase", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 30 }), (days) => {
        const p = predictNextPurchase(days);
        if (new Set(days).size < 2) return p === null;
        const last = [...days].sort().at(-1)!;
        return p !== null && p.lastDay === last && p.expectedDay > last;
      }),
    );
  });

  it("scales the predicted interval by k when every interval is scaled by k, and keeps the confidence", () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 1, max: 6 }), (gaps, k) => {
        const p = predictNextPurchase(daysAfter("2020-01-01", gaps))!;
        const scaled = predictNextPurchase(daysAfter("2020-01-01", gaps.map((g) => g * k)))!;
        expect(scaled.intervalDays).toBe(p.intervalDays * k);
        expect(scaled.confidence).toBeCloseTo(p.confidence, 9);
      }),
    );
  });

  it("keeps the confidence within [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), (days) => {
        const c = predictNextPurchase(days)?.confidence ?? 0;
        return c >= 0 && c <= 1;
      }),
    );
  });

  it("trusts a perfectly regular history more than any irregular one with the same number of purchases", () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 1, max: 200 }), (gaps, every) => {
        fc.pre(new Set(gaps).size > 1);
        const irregular = predictNextPurchase(daysAfter("2020-01-01", gaps))!.confidence;
        const regular = predictNextPurchase(daysAfter("2020-01-01", gaps.map(() => every)))!.confidence;
        return irregular < regular;
      }),
    );
  });

  it("trusts a regular rhythm more the longer it has held", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), (every, n) => {
        const shorter = predictNextPurchase(daysAfter("2020-01-01", Array(n).fill(every)))!.confidence;
        const longer = predictNextPurchase(daysAfter("2020-01-01", Array(n + 1).fill(every)))!.confidence;
        return shorter < longer;
      }),
    );
  });

  it("does not depend on the order the purchases are given in", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day, lines: fc.array(fc.record({ productId: fc.integer({ min: 1, max: 4 }), quantity: fc.integer({ min: -2, max: 9 }), amountMinor: fc.nat(1e6) }), { maxLength: 4 }) }), { maxLength: 20 }),
        (history) => {
          expect(predictReorder([...history].reverse(), 2)).toEqual(predictReorder(history, 2));
        },
      ),
    );
  });

  it("never reminds and flags overdue on the same day (no grace)", () => {
    fc.assert(
      fc.property(intervals, day, fc.integer({ min: 0, max: 30 }), (gaps, today, before) => {
        const p = predictNextPurchase(daysAfter("2020-01-01", gaps));
        return !(reminderDue(p, today, before) && isOverdueToBuy(p, today));
      }),
    );
  });
});

describe("reorderStatus", () => {
  const prediction = predictNextPurchase(["2026-01-01", "2026-01-31", "2026-03-02"])!; // expected 2026-04-01

  it("is none without a prediction", () => {
    expect(reorderStatus(null, "2026-04-01", 3)).toBe("none");
  });

  it("is scheduled before the reminder window, due inside it up to the expected day, overdue after", () => {
    expect(prediction.expectedDay).toBe("2026-04-01");
    expect(reorderStatus(prediction, "2026-03-28", 3)).toBe("scheduled");
    expect(reorderStatus(prediction, "2026-03-29", 3)).toBe("due");
    expect(reorderStatus(prediction, "2026-04-01", 3)).toBe("due");
    expect(reorderStatus(prediction, "2026-04-02", 3)).toBe("overdue");
    expect(reorderStatus(prediction, "2026-04-01", 0)).toBe("due");
    expect(reorderStatus(prediction, "2026-03-31", 0)).toBe("scheduled");
  });

  it("agrees with reminderDue and isOverdueToBuy on every day around the expected one", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 30 }), (offset, before) => {
        const today = addDays(prediction.expectedDay, offset);
        const status = reorderStatus(prediction, today, before);
        expect(status === "overdue").toBe(isOverdueToBuy(prediction, today));
        expect(status === "due").toBe(reminderDue(prediction, today, before));
      }),
    );
  });
});
