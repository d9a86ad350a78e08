import type { CommissionKind, RuleBasis } from "../../domain/commission.js";
import type { Day } from "../../domain/workingTime.js";
import type { PersonStatement } from "./statements.js";

/** One line of an export, in the order of the columns; every line of every statement in scope. */
export interface ExportRow {
  userId: number;
  person: string;
  role: PersonStatement["person"]["role"];
  company: string;
  kind: CommissionKind;
  day: Day;
  orderId: number;
  orderTotalMinor: number;
  orderCurrency: string;
  rule: RuleBasis;
  amountMinor: number;
  currency: string;
}

export const exportRows = (statements: readonly PersonStatement[]): ExportRow[] =>
  statements.flatMap(({ person, lines }) =>
    lines.map((l) => ({
      userId: person.id,
      person: person.fullName,
      role: person.role,
      company: l.legalName,
      kind: l.kind,
      day: l.day,
      orderId: l.orderId,
      orderTotalMinor: l.orderTotalMinor,
      orderCurrency: l.orderCurrency,
      rule: l.rule,
      amountMinor: l.amountMinor,
      currency: l.currency,
    })),
  );
