import { describe, expect, it } from "vitest";
import { DEFAULT_SALES_PERIOD_DAYS, termForNewHolding } from "../../src/domain/terms.js";

const start = new Date("2025-03-10T09:30:00.000Z");

describe("termForNewHolding: how long a new holder keeps a company", () => {
  it("gives a manager (tier 2) the default sales period of 30 days", () => {
    expect(DEFAULT_SALES_PERIOD_DAYS).toBe(30);
    expect(termForNewHolding(2, start)).toEqual(new Date("2025-04-09T09:30:00.000Z"));
  });

  it("gives tier 2 start + the sales period asked for", () => {
    expect(termForNewHolding(2, start, 14)).toEqual(new Date("2025-03-24T09:30:00.000Z"));
    expect(termForNewHolding(2, start, 1)).toEqual(new Date("2025-03-11T09:30:00.000Z"));
    expect(termForNewHolding(2, start, 0)).toEqual(start);
  });

  it("counts whole 24-hour days in UTC, across a daylight-saving change", () => {
    // Europe/Kyiv moves clocks on 2025-03-30; the term stays exactly 30 × 24 h after the start.
    const term = termForNewHolding(2, start)!;
    expect(term.getTime() - start.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it("does not change the start date it was given", () => {
    const given = new Date(start);
    termForNewHolding(2, given, 45);
    expect(given).toEqual(start);
  });

  it.each([1, 3] as const)("gives tier %i no term", (tier) => {
    expect(termForNewHolding(tier, start)).toBeNull();
    expect(termForNewHolding(tier, start, 90)).toBeNull();
  });
});
