import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tidyCriteria, type CallListCriteria } from "../../src/domain/callLists.js";
import { COMPANY_SIZES, type CompanySize } from "../../src/domain/conveyor.js";

describe("tidyCriteria: equal criteria are stored alike", () => {
  it("leaves nothing of empty criteria", () => {
    expect(tidyCriteria({})).toEqual({});
  });

  it("keeps already tidy criteria as they are", () => {
    const tidy: CallListCriteria = {
      industries: ["logistics", "retail"],
      sizes: ["medium", "small"],
      regions: ["Kyiv", "Lviv"],
      sourceIds: [2, 7],
      groups: ["Alpha"],
      notTouchedForDays: 30,
    };
    expect(tidyCriteria(tidy)).toEqual(tidy);
  });

  it.each(["industries", "regions", "groups"] as const)("%s: trims, drops blanks, removes duplicates and sorts", (key) => {
    expect(tidyCriteria({ [key]: ["  retail", "logistics ", "retail", "", "   ", "Agro"] })).toEqual({ [key]: ["Agro", "logistics", "retail"] });
  });

  it.each(["industries", "regions", "groups"] as const)("%s: an empty or all-blank list is dropped", (key) => {
    expect(tidyCriteria({ [key]: [] })).toEqual({});
    expect(tidyCriteria({ [key]: [" ", ""] })).toEqual({});
  });

  it("source ids: keeps each once, in numeric order", () => {
    expect(tidyCriteria({ sourceIds: [10, 2, 10, 9] })).toEqual({ sourceIds: [2, 9, 10] });
  });

  it("source ids: drops ids that cannot exist, and an empty list", () => {
    expect(tidyCriteria({ sourceIds: [0, -3, 1.5, 4] })).toEqual({ sourceIds: [4] });
    expect(tidyCriteria({ sourceIds: [] })).toEqual({});
    expect(tidyCriteria({ sourceIds: [0] })).toEqual({});
  });

  it("sizes: keeps the known sizes once each, sorted", () => {
    expect(tidyCriteria({ sizes: ["small", "micro", "small", " large "] as CompanySize[] })).toEqual({ sizes: ["large", "micro", "small"] });
  });

  it("sizes: drops sizes it does not know", () => {
    expect(tidyCriteria({ sizes: ["huge", "medium", "Small"] as CompanySize[] })).toEqual({ sizes: ["medium"] });
  });

  it("sizes: a list of only unknown sizes is dropped", () => {
    expect(tidyCriteria({ sizes: ["huge", "tiny"] as unknown as CompanySize[] })).toEqual({});
    expect(tidyCriteria({ sizes: [] })).toEqual({});
  });

  it("days untouched: whole days are kept", () => {
    expect(tidyCriteria({ notTouchedForDays: 1 })).toEqual({ notTouchedForDays: 1 });
    expect(tidyCriteria({ notTouchedForDays: 90 })).toEqual({ notTouchedForDays: 90 });
  });

  it("days untouched: a fraction of a day is floored", () => {
    expect(tidyCriteria({ notTouchedForDays: 14.9 })).toEqual({ notTouchedForDays: 14 });
    expect(tidyCriteria({ notTouchedForDays: 1.5 })).toEqual({ notTouchedForDays: 1 });
  });

  it.each([0, -1, -0.5, Number.NaN])("days untouched: %d is dropped", (days) => {
    expect(tidyCriteria({ notTouchedForDays: days })).toEqual({});
  });

  it("days untouched: less than a whole day floors to zero and is dropped", () => {
    expect(tidyCriteria({ notTouchedForDays: 0.5 })).toEqual({});
  });

  it("tidies every filter at once and does not change the criteria it was given", () => {
    const given: CallListCriteria = { industries: ["b", "a", "b"], sizes: ["small", "nope" as CompanySize], regions: [" "], notTouchedForDays: 7.2 };
    const copy = structuredClone(given);
    expect(tidyCriteria(given)).toEqual({ industries: ["a", "b"], sizes: ["small"], notTouchedForDays: 7 });
    expect(given).toEqual(copy);
  });
});

describe("tidyCriteria: properties", () => {
  const words = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(" ", "", " retail ", "retail", "Kyiv")), { maxLength: 6 });
  const sizes = fc.array(fc.oneof(fc.constantFrom(...COMPANY_SIZES), fc.constantFrom(" small", "huge", "")), { maxLength: 6 }) as fc.Arbitrary<CompanySize[]>;
  /** Whole days, as the API accepts them, plus zero and negatives. */
  const wholeDays = fc.integer({ min: -10, max: 3650 });
  const ids = fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 6 });
  const criteria = (days: fc.Arbitrary<number>): fc.Arbitrary<CallListCriteria> =>
    fc.record(
      { industries: words, sizes, regions: words, sourceIds: ids, groups: words, notTouchedForDays: days },
      { requiredKeys: [] },
    );

  it("is idempotent: tidy criteria stay as they are", () => {
    fc.assert(
      fc.property(criteria(wholeDays), (c) => {
        const once = tidyCriteria(c);
        expect(tidyCriteria(once)).toEqual(once);
      }),
    );
  });

  // Fractional days below one floor to zero and are dropped, so tidying twice gives the same.
  it("is idempotent for any number of days, fractional ones included", () => {
    fc.assert(
      fc.property(criteria(fc.double({ min: -10, max: 3650, noNaN: true })), (c) => {
        const once = tidyCriteria(c);
        expect(tidyCriteria(once)).toEqual(once);
      }),
    );
  });

  it("keeps only trimmed, distinct, sorted, non-empty lists of known values and positive whole days", () => {
    fc.assert(
      fc.property(criteria(wholeDays), (c) => {
        const tidy = tidyCriteria(c);
        if (tidy.sourceIds !== undefined) {
          expect(tidy.sourceIds.length).toBeGreaterThan(0);
          expect(tidy.sourceIds).toEqual([...new Set(tidy.sourceIds)].sort((a, b) => a - b));
          for (const id of tidy.sourceIds) expect(Number.isInteger(id) && id > 0).toBe(true);
        }
        for (const key of ["industries", "sizes", "regions", "groups"] as const) {
          const values = tidy[key] as string[] | undefined;
          if (values === undefined) continue;
          expect(values.length).toBeGreaterThan(0);
          expect(new Set(values).size).toBe(values.length);
          expect(values).toEqual([...values].sort());
          for (const v of values) {
            expect(v).toBe(v.trim());
            expect(v).not.toBe("");
          }
        }
        for (const size of tidy.sizes ?? []) expect(COMPANY_SIZES).toContain(size);
        if (tidy.notTouchedForDays !== undefined) {
          expect(Number.isInteger(tidy.notTouchedForDays)).toBe(true);
          expect(tidy.notTouchedForDays).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("order and repetition of the values given do not matter", () => {
    fc.assert(
      fc.property(criteria(wholeDays), (c) => {
        const shuffled: CallListCriteria = { ...c };
        for (const key of ["industries", "sizes", "regions", "sourceIds", "groups"] as const) {
          const values = c[key] as unknown[] | undefined;
          if (values) (shuffled as Record<string, unknown[]>)[key] = [...values].reverse().concat(values);
        }
        expect(tidyCriteria(shuffled)).toEqual(tidyCriteria(c));
      }),
    );
  });
});
