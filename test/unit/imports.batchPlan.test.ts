import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBatch, type BatchPlan, type PlanRow } from "../../src/domain/imports/batchPlan.js";
import { absorbRow, additionsOf, keysOfCompany, keysOfRow, type CompanyState } from "../../src/domain/imports/companyMerge.js";
import type { ImportedRow } from "../../src/domain/imports/rowValidation.js";
import { edrpouCheckDigit } from "../../src/domain/legalIds.js";

/**
 * The planner against an in-memory base that behaves as the database does: a batch sees the
 * companies holding its keys, and a plan applied gives new companies and contacts their ids.
 */
const edrpou = (body: string) => body + edrpouCheckDigit(body);

const blankRow: ImportedRow = {
  legalName: null,
  legalId: null,
  legalIdKind: null,
  phones: [],
  emails: [],
  contactName: null,
  position: null,
  industry: null,
  region: null,
  size: null,
  groupName: null,
  sourceId: null,
  purchase: null,
};
const rowOf = (r: Partial<ImportedRow>): ImportedRow => ({ ...blankRow, ...r, legalIdKind: r.legalId ? "edrpou" : null });
const lines = (rows: ImportedRow[], from = 2): PlanRow[] => rows.map((row, i) => ({ line: from + i, row }));

class Base {
  companies: CompanyState[] = [];
  private nextId = 1;

  /** fast-check reports the arguments it generated: a property works on a copy so the report shows the base before the import. */
  copy(): Base {
    const base = new Base();
    base.companies = structuredClone(this.companies);
    base.nextId = this.nextId;
    return base;
  }

  /** What companiesHoldingKeys reads: every company with a key of the rows, by id. */
  holding(rows: readonly PlanRow[]): CompanyState[] {
    const keys = new Set(rows.flatMap((r) => keysOfRow(r.row)));
    return this.companies.filter((c) => keysOfCompany(c).some((k) => keys.has(k)));
  }

  apply(plan: BatchPlan): void {
    for (const { before, after } of plan.companies) {
      const stored = { ...after, id: after.id ?? this.nextId++, contacts: after.contacts.map((c) => ({ ...c, id: c.id ?? this.nextId++ })) };
      if (before === null) this.companies.push(stored);
      else this.companies = this.companies.map((c) => (c.id === before.id ? stored : c));
    }
  }

  importRows(rows: readonly PlanRow[], batchSize: number): BatchPlan["outcomes"] {
    const outcomes: BatchPlan["outcomes"] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const plan = planBatch(batch, this.holding(batch));
      this.apply(plan);
      outcomes.push(...plan.outcomes);
    }
    return outcomes;
  }

  /** The base without ids: what the companies say, in a stable order. */
  shape(): string[] {
    return this.companies
      .map((c) => JSON.stringify({ ...c, id: null, contacts: c.contacts.map((ct) => ({ ...ct, id: null, phones: [...ct.phones].sort(), emails: [...ct.emails].sort() })) }))
      .sort();
  }
}

const verdict = (o: BatchPlan["outcomes"][number]) => (o.action === "reject" ? `reject:${o.rejection.code}` : o.action === "skip" ? `skip:${o.reason}` : o.action);

describe("planning a batch of rows", () => {
  it("creates, merges into the company created a row earlier, and skips what adds nothing", () => {
    const plan = planBatch(
      lines([
        rowOf({ legalName: "Альфа", legalId: edrpou("3285596"), phones: ["+380671111111"], contactName: "Іван" }),
        rowOf({ legalName: "Альфа дубль", phones: ["+380671111111"], emails: ["a@alfa.ua"], industry: "IT" }),
        rowOf({ legalName: "Альфа", legalId: edrpou("3285596"), phones: ["+380671111111"], contactName: "Іван" }),
      ]),
      [],
    );
    expect(plan.outcomes.map(verdict)).toEqual(["create", "merge", "skip:nothing_new"]);
    expect(plan.companies).toHaveLength(1);
    expect(plan.companies[0]!.after).toMatchObject({
      legalName: "Альфа",
      industry: "IT",
      contacts: [{ id: null, fullName: "Іван", phones: ["+380671111111"], emails: ["a@alfa.ua"] }],
    });
    expect(plan.companies[0]!.lines).toEqual([2, 3]);
  });

  it("fills the base's empty fields and adds contacts, never overwriting", () => {
    const existing: CompanyState = {
      id: 5,
      legalName: "ООО Ромашка",
      legalId: null,
      legalIdKind: null,
      industry: "Торговля",
      region: null,
      size: null,
      groupName: null,
      sourceId: null,
      contacts: [{ id: 9, fullName: "Иван Петров", position: null, phones: ["+380441234567"], emails: [] }],
    };
    const plan = planBatch(
      lines([rowOf({ legalName: "Ромашка (новое имя)", legalId: edrpou("3285596"), phones: ["+380441234567", "+380501112233"], industry: "IT", region: "Київ", contactName: "иван  петров", position: "Директор", sourceId: 3 })]),
      [existing],
    );
    expect(plan.outcomes.map(verdict)).toEqual(["merge"]);
    const { after } = plan.companies[0]!;
    expect(after).toMatchObject({ id: 5, legalName: "ООО Ромашка", industry: "Торговля", region: "Київ", legalId: edrpou("3285596"), legalIdKind: "edrpou", sourceId: 3 });
    expect(additionsOf(existing, after)).toEqual({
      fields: { legalId: edrpou("3285596"), legalIdKind: "edrpou", region: "Київ", sourceId: 3 },
      newContacts: [],
      contactAdditions: [{ contactId: 9, phones: ["+380501112233"], emails: [], position: "Директор" }],
    });
  });

  it("a row naming nobody adds its phone to the contact that shares its email, else to the first contact; a new person is a new contact", () => {
    const company: CompanyState = {
      id: 1, legalName: "A", legalId: null, legalIdKind: null, industry: null, region: null, size: null, groupName: null, sourceId: null,
      contacts: [
        { id: 1, fullName: "Перший", position: null, phones: ["+380671111111"], emails: [] },
        { id: 2, fullName: "Другий", position: null, phones: [], emails: ["b@a.ua"] },
      ],
    };
    const byEmail = absorbRow(company, rowOf({ emails: ["b@a.ua"], phones: ["+380672222222"] }));
    expect(byEmail.ok && byEmail.company.contacts[1]!.phones).toEqual(["+380672222222"]);
    const noMatch = absorbRow(company, rowOf({ phones: ["+380673333333"] }));
    expect(noMatch.ok && noMatch.company.contacts[0]!.phones).toEqual(["+380671111111", "+380673333333"]);
    const newPerson = absorbRow(company, rowOf({ contactName: "Третій", phones: ["+380671111111"] }));
    expect(newPerson.ok && newPerson.company.contacts[2]).toEqual({ id: null, fullName: "Третій", position: null, phones: [], emails: [] });
  });

  it("a company without contacts gets one named by the row's phone, as a web form's lead is", () => {
    const plan = planBatch(lines([rowOf({ legalName: "Б", phones: ["+380671111111"] })]), []);
    expect(plan.companies[0]!.after.contacts).toEqual([{ id: null, fullName: "+380671111111", position: null, phones: ["+380671111111"], emails: [] }]);
  });

  it("rejects a row matching two companies, a tax id differing from its company's, and a new company without a name", () => {
    const a: CompanyState = { id: 1, legalName: "A", legalId: edrpou("1111111"), legalIdKind: "edrpou", industry: null, region: null, size: null, groupName: null, sourceId: null, contacts: [{ id: 1, fullName: "x", position: null, phones: ["+380671111111"], emails: [] }] };
    const b: CompanyState = { ...a, id: 2, legalName: "B", legalId: null, legalIdKind: null, contacts: [{ id: 2, fullName: "y", position: null, phones: [], emails: ["b@b.ua"] }] };
    const plan = planBatch(
      lines([
        rowOf({ legalName: "AB", phones: ["+380671111111"], emails: ["b@b.ua"] }),
        rowOf({ legalName: "A2", legalId: edrpou("2222222"), phones: ["+380671111111"] }),
        rowOf({ phones: ["+380679999999"] }),
      ]),
      [a, b],
    );
    expect(plan.outcomes).toEqual([
      { line: 2, action: "reject", rejection: { code: "ambiguous_match", field: null, value: null, companyIds: [1, 2] } },
      { line: 3, action: "reject", rejection: { code: "legal_id_conflict", field: "legalId", value: edrpou("2222222") } },
      { line: 4, action: "reject", rejection: { code: "legal_name_missing", field: "legalName", value: null } },
    ]);
    expect(plan.companies).toEqual([]);
  });
});

const PHONES = ["+380671111111", "+380672222222", "+380673333333", "+380674444444", "+380675555555"];
const EMAILS = ["a@x.ua", "b@x.ua", "c@x.ua"];
const LEGAL_IDS = [edrpou("3285596"), edrpou("1436057"), edrpou("0003212")];

/** Rows from small pools, so that rows collide on keys as real files do. */
const importedRow = fc
  .record({
    legalName: fc.constantFrom("Альфа", "Бета", "Гамма", null),
    legalId: fc.constantFrom(...LEGAL_IDS, null, null),
    phones: fc.subarray(PHONES, { maxLength: 2 }),
    emails: fc.subarray(EMAILS, { maxLength: 1 }),
    contactName: fc.constantFrom("Іван", "Ольга", null),
    position: fc.constantFrom("Директор", null),
    industry: fc.constantFrom("IT", "Торгівля", null),
    region: fc.constantFrom("Київ", null),
    sourceId: fc.constantFrom(1, null),
  })
  .map((r) => rowOf(r))
  .filter((r) => keysOfRow(r).length > 0);

const rowsArb = fc.array(importedRow, { minLength: 1, maxLength: 25 });

/** A base made the way a base is made: by earlier imports. */
const baseArb = fc.array(importedRow, { maxLength: 8 }).map((rows) => {
  const base = new Base();
  base.importRows(lines(rows), rows.length || 1);
  return base;
});

describe("properties of a planned import", () => {
  it("every row gets exactly one outcome, in file order", () => {
    fc.assert(
      fc.property(baseArb, rowsArb, (base, rows) => {
        const input = lines(rows);
        const plan = planBatch(input, base.holding(input));
        expect(plan.outcomes.map((o) => o.line)).toEqual(input.map((r) => r.line));
      }),
    );
  });

  it("never overwrites: the base's values stay, its contacts keep every phone and email", () => {
    fc.assert(
      fc.property(baseArb, rowsArb, (base, rows) => {
        const input = lines(rows);
        for (const { before, after } of planBatch(input, base.holding(input)).companies) {
          if (!before) continue;
          for (const key of ["legalName", "legalId", "legalIdKind", "industry", "region", "size", "groupName", "sourceId"] as const) {
            if (before[key] !== null) expect(after[key]).toBe(before[key]);
          }
          for (const contact of before.contacts) {
            const kept = after.contacts.find((c) => c.id === contact.id)!;
            expect(kept.fullName).toBe(contact.fullName);
            expect(kept.phones).toEqual(expect.arrayContaining(contact.phones));
            expect(kept.emails).toEqual(expect.arrayContaining(contact.emails));
            if (contact.position !== null) expect(kept.position).toBe(contact.position);
          }
        }
      }),
    );
  });

  it("a tax id, phone or email never ends up on two companies", () => {
    fc.assert(
      fc.property(baseArb, rowsArb, fc.integer({ min: 1, max: 6 }), (generated, rows, batchSize) => {
        const base = generated.copy();
        base.importRows(lines(rows), batchSize);
        const keys = base.companies.flatMap((c) => [...new Set(keysOfCompany(c))]);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it("importing the rows that went in again changes nothing, and a rejected row never creates a company later", () => {
    fc.assert(
      fc.property(baseArb, rowsArb, fc.integer({ min: 1, max: 6 }), (generated, rows, batchSize) => {
        const base = generated.copy();
        const first = base.importRows(lines(rows), batchSize);
        const shape = base.shape();
        const accepted = lines(rows).filter((_, i) => first[i]!.action !== "reject");
        expect(base.importRows(accepted, batchSize).map(verdict)).toEqual(accepted.map(() => "skip:nothing_new"));
        expect(base.shape()).toEqual(shape);
        const rejected = lines(rows).filter((_, i) => first[i]!.action === "reject");
        expect(base.importRows(rejected, batchSize).filter((o) => o.action === "create")).toEqual([]);
      }),
    );
  });

  it("the outcome does not depend on where batches are cut", () => {
    fc.assert(
      fc.property(baseArb, rowsArb, fc.integer({ min: 1, max: 6 }), (base, rows, batchSize) => {
        const whole = base.copy();
        const wholeOutcomes = whole.importRows(lines(rows), rows.length);
        const cut = base.copy();
        const cutOutcomes = cut.importRows(lines(rows), batchSize);
        expect(cutOutcomes.map(verdict)).toEqual(wholeOutcomes.map(verdict));
        expect(cut.shape()).toEqual(whole.shape());
      }),
    );
  });
});
