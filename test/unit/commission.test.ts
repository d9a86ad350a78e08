import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildStatement,
  checkRuleRequest,
  COMMISSION_KINDS,
  isMonth,
  lineAmount,
  mayWithdrawRule,
  monthOfDay,
  nextMonth,
  percentToBp,
  previousMonth,
  priceSales,
  rateAmount,
  ruleFor,
  statementsByPerson,
  totalsByCurrency,
  type CommissionRule,
  type SaleFact,
} from "../../src/domain/commission.js";
import { addDays } from "../../src/domain/reorder.js";

const perLead = (effectiveFrom: string, amountMinor: number, currency = "UAH"): CommissionRule => ({ tier: 1, effectiveFrom, basis: { kind: "per_lead", amountMinor, currency } });
const rate = (tier: 2 | 3, effectiveFrom: string, rateBp: number): CommissionRule => ({ tier, effectiveFrom, basis: { kind: "rate", rateBp } });

const sale = (kind: SaleFact["kind"], day: string, orderTotalMinor: number, extra: Partial<SaleFact> = {}): SaleFact => ({
  kind,
  userId: 1,
  companyId: 10,
  orderId: 100,
  day,
  orderTotalMinor,
  orderCurrency: "UAH",
  ...extra,
});

const RULES = [perLead("2025-01", 500_00), perLead("2025-04", 700_00), rate(2, "2025-01", 500), rate(2, "2025-03", 750), rate(3, "2025-02", 200)];

describe("months", () => {
  it("knows a month when it sees one", () => {
    for (const ok of ["2025-01", "2025-12", "1999-07"]) expect(isMonth(ok), ok).toBe(true);
    for (const bad of ["2025-13", "2025-00", "2025-1", "25-01", "2025-01-01", "2025/01", "", "abcd-ef"]) expect(isMonth(bad), bad).toBe(false);
  });

  it("steps a month forward and back across a year end, and reads a day's month", () => {
    expect(nextMonth("2025-01")).toBe("2025-02");
    expect(nextMonth("2025-09")).toBe("2025-10");
    expect(nextMonth("2024-12")).toBe("2025-01");
    expect(previousMonth("2025-01")).toBe("2024-12");
    expect(previousMonth("2025-10")).toBe("2025-09");
    expect(monthOfDay("2025-03-31")).toBe("2025-03");
  });

  it("steps back and forth to the same month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const month = monthOfDay(addDays("1990-01-01", n * 17));
        expect(previousMonth(nextMonth(month))).toBe(month);
        expect(nextMonth(previousMonth(month))).toBe(month);
        expect(nextMonth(month) > month && previousMonth(month) < month).toBe(true);
      }),
    );
  });
});

describe("ruleFor: the tier's rule in force in a month", () => {
  it("takes the rule with the latest start at or before the month", () => {
    expect(ruleFor(RULES, 1, "2025-03")).toEqual(perLead("2025-01", 500_00));
    expect(ruleFor(RULES, 1, "2025-04")).toEqual(perLead("2025-04", 700_00));
    expect(ruleFor(RULES, 1, "2026-11")).toEqual(perLead("2025-04", 700_00));
    expect(ruleFor(RULES, 2, "2025-02")).toEqual(rate(2, "2025-01", 500));
    expect(ruleFor(RULES, 2, "2025-03")).toEqual(rate(2, "2025-03", 750));
  });

  it("has none before the tier's first rule, and never borrows another tier's", () => {
    expect(ruleFor(RULES, 3, "2025-01")).toBeNull();
    expect(ruleFor(RULES, 1, "2024-12")).toBeNull();
    expect(ruleFor([rate(2, "2025-01", 500)], 3, "2025-06")).toBeNull();
  });

  it("does not depend on the order the rules come in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(RULES), fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, fc.integer({ min: 0, max: 30 }), (subset, tier, offset) => {
        const month = monthOfDay(addDays("2024-11-15", offset * 31));
        expect(ruleFor([...subset].reverse(), tier, month)).toEqual(ruleFor(subset, tier, month));
      }),
    );
  });
});

describe("rateAmount: a share of a sale in basis points, rounded half away from zero", () => {
  it("computes exact shares", () => {
    expect(rateAmount(1_000_00, 500)).toBe(50_00);
    expect(rateAmount(2_980_000, 500)).toBe(149_000);
    expect(rateAmount(1, 10_000)).toBe(1);
  });

  it("rounds each half away from zero", () => {
    expect(rateAmount(100, 50)).toBe(1); // 0.5
    expect(rateAmount(1, 50)).toBe(0); // 0.005
    expect(rateAmount(333, 150)).toBe(5); // 4.995
    expect(rateAmount(300, 150)).toBe(5); // 4.5
    expect(rateAmount(299, 150)).toBe(4); // 4.485
    expect(rateAmount(-100, 50)).toBe(-1); // a refund: -0.5
    expect(rateAmount(-300, 150)).toBe(-5);
  });

  it("stays exact where floating point would not (a total of 10¹³ kopecks at 99.99 %)", () => {
    expect(rateAmount(10_000_000_000_000, 9_999)).toBe(9_999_000_000_000);
    expect(rateAmount(9_999_999_999_999, 9_999)).toBe(9_998_999_999_999); // 9998999999999.0001
    expect(rateAmount(9_999_999_999_999, 5_000)).toBe(5_000_000_000_000); // 4999999999999.5
  });

  it("0 bp earns nothing and 100 % earns the whole sale", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (total) => {
        expect(rateAmount(total, 0)).toBe(0);
        expect(rateAmount(total, 10_000)).toBe(total);
      }),
    );
  });

  it("is within half a minor unit of the exact share, and never grows smaller with a bigger sale", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (a, b, bp) => {
        const exact = (a * bp) / 10_000;
        expect(Math.abs(rateAmount(a, bp) - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (a <= b) expect(rateAmount(a, bp)).toBeLessThanOrEqual(rateAmount(b, bp));
      }),
    );
  });

  it("is symmetric around zero", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (total, bp) => {
      expect(rateAmount(-total, bp)).toBe(-rateAmount(total, bp) || 0);
    }));
  });
});

describe("lineAmount", () => {
  it("pays tier 1 the rule's amount in the rule's currency, whatever the order", () => {
    expect(lineAmount({ orderTotalMinor: 9_999_00, orderCurrency: "USD" }, { kind: "per_lead", amountMinor: 500_00, currency: "UAH" })).toEqual({ amountMinor: 500_00, currency: "UAH" });
  });

  it("pays tiers 2 and 3 a share in the order's currency", () => {
    expect(lineAmount({ orderTotalMinor: 1_000_00, orderCurrency: "EUR" }, { kind: "rate", rateBp: 250 })).toEqual({ amountMinor: 25_00, currency: "EUR" });
  });
});

describe("priceSales and statements", () => {
  it("prices every sale by the rule of its tier in force in its month", () => {
    const lines = priceSales(
      [
        sale("converted_lead", "2025-03-10", 1_000_00, { orderId: 1 }),
        sale("converted_lead", "2025-04-01", 1_000_00, { orderId: 2 }),
        sale("first_sale", "2025-02-28", 10_000_00, { orderId: 3 }),
        sale("first_sale", "2025-03-01", 10_000_00, { orderId: 4 }),
        sale("repeat_sale", "2025-02-14", 3_333, { orderId: 5 }),
      ],
      RULES,
    );
    expect(lines.map((l) => [l.orderId, l.ruleFrom, l.amountMinor, l.currency])).toEqual([
      [5, "2025-02", 67, "UAH"], // 2 % of 33.33 = 0.6666 → 0.67
      [3, "2025-01", 500_00, "UAH"],
      [4, "2025-03", 750_00, "UAH"],
      [1, "2025-01", 500_00, "UAH"],
      [2, "2025-04", 700_00, "UAH"],
    ]);
    expect(lines[0]!.rule).toEqual({ kind: "rate", rateBp: 200 });
  });

  it("makes no line for a sale with no rule in force", () => {
    expect(priceSales([sale("repeat_sale", "2025-01-31", 5_000_00)], RULES)).toEqual([]);
    expect(buildStatement([sale("first_sale", "2025-05-05", 5_000_00)], [])).toEqual({ lines: [], totals: [] });
  });

  it("totals per currency and never adds currencies together", () => {
    const statement = buildStatement(
      [
        sale("first_sale", "2025-03-02", 10_000_00, { orderId: 1, orderCurrency: "UAH" }),
        sale("repeat_sale", "2025-03-03", 2_000_00, { orderId: 2, orderCurrency: "USD" }),
        sale("repeat_sale", "2025-03-04", 1_000_00, { orderId: 3, orderCurrency: "UAH" }),
        sale("converted_lead", "2025-03-05", 1, { orderId: 4, orderCurrency: "EUR" }),
      ],
      RULES,
    );
    expect(statement.totals).toEqual([
      { currency: "UAH", amountMinor: 750_00 + 20_00 + 500_00 },
      { currency: "USD", amountMinor: 40_00 },
    ]);
  });

  it("splits a month's sales into each person's statement", () => {
    const byPerson = statementsByPerson(
      [
        sale("converted_lead", "2025-03-05", 10_000_00, { userId: 7, orderId: 1 }),
        sale("first_sale", "2025-03-05", 10_000_00, { userId: 8, orderId: 1 }),
        sale("repeat_sale", "2025-03-20", 1_000_00, { userId: 9, orderId: 2 }),
        sale("repeat_sale", "2025-03-21", 1_000_00, { userId: 9, orderId: 3 }),
      ],
      RULES,
    );
    expect([...byPerson.keys()].sort()).toEqual([7, 8, 9]);
    expect(byPerson.get(7)!.totals).toEqual([{ currency: "UAH", amountMinor: 500_00 }]);
    expect(byPerson.get(8)!.totals).toEqual([{ currency: "UAH", amountMinor: 750_00 }]);
    expect(byPerson.get(9)!.lines.map((l) => l.orderId)).toEqual([2, 3]);
    expect(byPerson.get(9)!.totals).toEqual([{ currency: "UAH", amountMinor: 40_00 }]);
  });
});

const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays("2024-06-01", n));
const saleArb: fc.Arbitrary<SaleFact> = fc.record({
  kind: fc.constantFrom(...COMMISSION_KINDS),
  userId: fc.integer({ min: 1, max: 5 }),
  companyId: fc.integer({ min: 1, max: 50 }),
  orderId: fc.integer({ min: 1, max: 10_000 }),
  day,
  orderTotalMinor: fc.integer({ min: 0, max: 1e11 }),
  orderCurrency: fc.constantFrom("UAH", "USD", "EUR"),
});
const ruleArb: fc.Arbitrary<CommissionRule> = fc.oneof(
  fc.record({ month: day.map(monthOfDay), amount: fc.integer({ min: 0, max: 1e7 }), currency: fc.constantFrom("UAH", "EUR") }).map(({ month, amount, currency }) => perLead(month, amount, currency)),
  fc.record({ tier: fc.constantFrom(2, 3) as fc.Arbitrary<2 | 3>, month: day.map(monthOfDay), bp: fc.integer({ min: 0, max: 10_000 }) }).map(({ tier, month, bp }) => rate(tier, month, bp)),
);
/** Rules as the table allows them: one per tier and month. */
const rulesArb = fc.uniqueArray(ruleArb, { selector: (r) => `${r.tier}|${r.effectiveFrom}`, maxLength: 12 });

describe("statement properties", () => {
  it("the lines add up to the totals, per currency", () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 40 }), rulesArb, (sales, rules) => {
        const { lines, totals } = buildStatement(sales, rules);
        for (const { currency, amountMinor } of totals) {
          expect(lines.filter((l) => l.currency === currency).reduce((s, l) => s + l.amountMinor, 0)).toBe(amountMinor);
        }
        expect(new Set(lines.map((l) => l.currency))).toEqual(new Set(totals.map((t) => t.currency)));
      }),
    );
  });

  it("a rule from month M never changes what was earned before M", () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 40 }), rulesArb, ruleArb, (sales, rules, added) => {
        const withAdded = [...rules.filter((r) => !(r.tier === added.tier && r.effectiveFrom === added.effectiveFrom)), added];
        const before = (s: SaleFact) => monthOfDay(s.day) < added.effectiveFrom;
        const earlier = sales.filter(before);
        expect(buildStatement(earlier, withAdded)).toEqual(buildStatement(earlier, rules.filter((r) => r.tier !== added.tier || r.effectiveFrom !== added.effectiveFrom)));
      }),
    );
  });

  it("everyone's statements together are the whole month's lines", () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 40 }), rulesArb, (sales, rules) => {
        const all = buildStatement(sales, rules);
        const people = [...statementsByPerson(sales, rules).values()];
        expect(people.reduce((n, s) => n + s.lines.length, 0)).toBe(all.lines.length);
        expect(totalsByCurrency(people.flatMap((s) => s.totals))).toEqual(all.totals);
      }),
    );
  });

  it("a 0 % rule makes lines worth nothing", () => {
    fc.assert(
      fc.property(fc.array(saleArb.filter((s) => s.kind !== "converted_lead"), { maxLength: 20 }), (sales) => {
        const { lines, totals } = buildStatement(sales, [rate(2, "2000-01", 0), rate(3, "2000-01", 0)]);
        expect(lines).toHaveLength(sales.length);
        expect(lines.every((l) => l.amountMinor === 0)).toBe(true);
        expect(totals.every((t) => t.amountMinor === 0)).toBe(true);
      }),
    );
  });
});

describe("percentToBp: the head types a percentage", () => {
  it("takes 0–100 with up to two decimals", () => {
    expect(percentToBp(5)).toBe(500);
    expect(percentToBp(1.15)).toBe(115);
    expect(percentToBp(0.01)).toBe(1);
    expect(percentToBp(0)).toBe(0);
    expect(percentToBp(100)).toBe(10_000);
  });

  it("refuses more decimals, out of range and non-numbers", () => {
    for (const bad of [1.005, 100.01, -0.01, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(percentToBp(bad), String(bad)).toBeNull();
  });

  it("reads back every basis point there is", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
      expect(percentToBp(bp / 100)).toBe(bp);
    }));
  });
});

describe("checkRuleRequest", () => {
  it("accepts tier 1 as an amount with a currency, tiers 2 and 3 as a percentage", () => {
    expect(checkRuleRequest({ tier: 1, effectiveFrom: "2025-03", amountMinor: 500_00, currency: "UAH" })).toEqual({ ok: true, rule: perLead("2025-03", 500_00) });
    expect(checkRuleRequest({ tier: 2, effectiveFrom: "2025-03", ratePercent: 5 })).toEqual({ ok: true, rule: rate(2, "2025-03", 500) });
    expect(checkRuleRequest({ tier: 3, effectiveFrom: "2025-03", ratePercent: 2.5 })).toEqual({ ok: true, rule: rate(3, "2025-03", 250) });
  });

  it("says the month is wrong before anything else", () => {
    expect(checkRuleRequest({ tier: 9, effectiveFrom: "2025-3" })).toEqual({ ok: false, problem: "month_invalid" });
    expect(checkRuleRequest({ tier: 2, effectiveFrom: "2025-03-01", ratePercent: 5 })).toEqual({ ok: false, problem: "month_invalid" });
  });

  it("refuses a rule of the wrong shape", () => {
    const bad = [
      { tier: 1, ratePercent: 5 },
      { tier: 1, amountMinor: 500 },
      { tier: 1, amountMinor: -1, currency: "UAH" },
      { tier: 1, amountMinor: 500, currency: "uah" },
      { tier: 1, amountMinor: 1.5, currency: "UAH" },
      { tier: 1, amountMinor: 500, currency: "UAH", ratePercent: 1 },
      { tier: 2, amountMinor: 500, currency: "UAH" },
      { tier: 2 },
      { tier: 2, ratePercent: 100.5 },
      { tier: 3, ratePercent: 1.234 },
      { tier: 3, ratePercent: 2, currency: "UAH" },
      { tier: 0, ratePercent: 2 },
      { tier: 4, ratePercent: 2 },
    ];
    for (const request of bad) expect(checkRuleRequest({ effectiveFrom: "2025-03", ...request }), JSON.stringify(request)).toEqual({ ok: false, problem: "commission_rule_invalid" });
  });
});

describe("mayWithdrawRule", () => {
  it("only before the rule's month starts", () => {
    expect(mayWithdrawRule({ effectiveFrom: "2025-04" }, "2025-03")).toBe(true);
    expect(mayWithdrawRule({ effectiveFrom: "2025-03" }, "2025-03")).toBe(false);
    expect(mayWithdrawRule({ effectiveFrom: "2025-01" }, "2025-03")).toBe(false);
  });
});
