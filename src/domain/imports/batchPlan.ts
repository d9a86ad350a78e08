import { absorbRow, companyFromRow, keysOfCompany, keysOfRow, type CompanyState } from "./companyMerge.js";
import type { ImportedRow, Rejection } from "./rowValidation.js";

/**
 * What a batch of valid rows does to the base, decided row by row in file order, as if each row
 * were imported alone after the ones before it: a row that matches no company (by tax id, any
 * phone or any email) creates one; a row that matches one merges into it, or is skipped when it
 * adds nothing; a row that matches several companies is rejected, because joining them is a
 * person's decision. The outcome does not depend on where batches are cut.
 */
export interface PlanRow {
  line: number;
  row: ImportedRow;
}

export type RowOutcome =
  | { line: number; action: "create" | "merge"; company: number }
  | { line: number; action: "skip"; company: number; reason: "nothing_new" }
  | { line: number; action: "reject"; rejection: Rejection };

export interface PlannedCompany {
  before: CompanyState | null;
  after: CompanyState;
  /** The lines that created or changed it. */
  lines: number[];
}

export interface BatchPlan {
  outcomes: RowOutcome[];
  /** Companies to create (before null) and existing ones the batch changed; untouched ones are left out. */
  companies: PlannedCompany[];
}

/**
 * `existing`: the base's companies that hold any key of the batch's rows, with all their
 * contacts (one query finds them). Outcomes name companies by their index in the working list:
 * existing ones first, then those the batch creates.
 */
export function planBatch(rows: readonly PlanRow[], existing: readonly CompanyState[]): BatchPlan {
  const states: CompanyState[] = [...existing];
  const lines: number[][] = states.map(() => []);
  const owners = new Map<string, Set<number>>();
  const own = (key: string, ref: number) => {
    const set = owners.get(key);
    if (set) set.add(ref);
    else owners.set(key, new Set([ref]));
  };
  states.forEach((company, ref) => keysOfCompany(company).forEach((key) => own(key, ref)));

  const outcomes: RowOutcome[] = [];
  for (const { line, row } of rows) {
    const refs = new Set<number>();
    for (const key of keysOfRow(row)) for (const ref of owners.get(key) ?? []) refs.add(ref);
    if (refs.size > 1) {
      const companyIds = [...refs].map((r) => states[r]!.id).filter((id): id is number => id !== null);
      outcomes.push({ line, action: "reject", rejection: { code: "ambiguous_match", field: null, value: null, companyIds } });
      continue;
    }
    if (refs.size === 0) {
      if (!row.legalName) {
        outcomes.push({ line, action: "reject", rejection: { code: "legal_name_missing", field: "legalName", value: null } });
        continue;
      }
      const ref = states.push(companyFromRow(row)) - 1;
      lines.push([line]);
      keysOfCompany(states[ref]!).forEach((key) => own(key, ref));
      outcomes.push({ line, action: "create", company: ref });
      continue;
    }
    const ref = [...refs][0]!;
    const absorbed = absorbRow(states[ref]!, row);
    if (!absorbed.ok) {
      outcomes.push({ line, action: "reject", rejection: { code: absorbed.conflict, field: "legalId", value: row.legalId } });
      continue;
    }
    if (!absorbed.changed) {
      outcomes.push({ line, action: "skip", company: ref, reason: "nothing_new" });
      continue;
    }
    states[ref] = absorbed.company;
    lines[ref]!.push(line);
    keysOfCompany(absorbed.company).forEach((key) => own(key, ref));
    outcomes.push({ line, action: "merge", company: ref });
  }

  const companies: PlannedCompany[] = [];
  states.forEach((after, ref) => {
    const before = ref < existing.length ? existing[ref]! : null;
    if (before === null || after !== before) companies.push({ before, after, lines: lines[ref]! });
  });
  return { outcomes, companies };
}
