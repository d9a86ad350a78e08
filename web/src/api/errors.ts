import type { TFunction } from "i18next";
import { ApiError } from "./client";

/** Error codes the server may send (src/server/errors.ts), plus the web app's own "network". */
export const ERROR_CODES = [
  "validation_failed",
  "invalid_legal_id",
  "invalid_phone",
  "invalid_email",
  "not_signed_in",
  "invalid_credentials",
  "csrf_missing",
  "forbidden",
  "not_found",
  "company_not_found",
  "contact_not_found",
  "user_not_found",
  "company_duplicate",
  "phone_taken",
  "username_taken",
  "holding_conflict",
  "handoff_not_allowed",
  "assignee_unsuitable",
  "user_inactive",
  "last_admin",
  "invalid_script",
  "invalid_script_answers",
  "callback_time_required",
  "callback_time_in_past",
  "reason_required",
  "qualification_required",
  "question_required",
  "import_not_found",
  "import_file_invalid",
  "import_mapping_invalid",
  "import_busy",
  "import_file_changed",
  "commission_rule_started",
  "source_not_found",
  "source_name_taken",
  "unknown_source",
  "source_inactive",
  "intake_token_invalid",
  "intake_rate_limited",
  "lead_duplicate",
  "lead_contact_required",
  "alert_not_found",
  "alert_resolved",
  "commission_rule_invalid",
  "commission_rule_exists",
  "month_invalid",
  "period_invalid",
  "export_format_invalid",
  "holding_not_found",
  "no_next_holder",
  "unknown_extension_reason",
  "extension_date_in_past",
  "extension_too_far",
  "company_resting",
  "rest_not_found",
  "report_incomplete",
  "not_your_client",
  "not_a_customer",
  "order_not_found",
  "invoice_not_found",
  "order_already_invoiced",
  "invoice_number_taken",
  "invoice_closed",
  "invoice_dates_invalid",
  "order_date_in_future",
  "telephony_not_configured",
  "telephony_token_invalid",
  "appointment_in_past",
  "script_not_found",
  "instruction_not_found",
  "call_list_not_found",
  "not_a_caller",
  "not_in_front_of_you",
  "no_manager_available",
  "deal_not_found",
  "promise_not_found",
  "product_not_found",
  "deal_closed",
  "deal_exists",
  "not_a_lead",
  "unknown_stage",
  "unknown_postpone_reason",
  "postpone_date_in_past",
  "postpone_too_far",
  "nothing_to_accept",
  "promise_resolved",
  "product_exists",
  "too_many_attempts",
  "internal",
  "network",
] as const;

const known = new Set<string>(ERROR_CODES);

/** The message for an error: our translation of its code, else the server's (already localized) message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (known.has(error.code)) return t(`errors.${error.code}`);
    return error.message || t("errors.internal");
  }
  return t("errors.internal");
}

/** "body.contacts.0.phones.1" or ".phones.0" -> "contacts.0.phones.1" / "phones.0" */
export const normaliseField = (field: string) => field.replace(/^(body|querystring|params)\./, "").replace(/^\.+/, "");

export interface FieldProblem {
  field: string;
  /** Full sentence, shown under the field. */
  message: string;
  /** What the summary adds after the field's label (the rule, or the rejected value). */
  short: string;
}

/** Field-level problems in an error: validation details, or the one field a bad phone / tax id / email names. */
export function fieldProblems(t: TFunction, error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const details = error.details;
  if (error.code === "validation_failed" && Array.isArray(details.fields)) {
    return (details.fields as Array<{ field?: string; rule?: string }>).map((f) => {
      const rule = t(f.rule === "required" ? "errors.rule.required" : f.rule === "minLength" ? "errors.rule.minLength" : f.rule === "maxLength" ? "errors.rule.maxLength" : "errors.rule.invalid");
      return { field: normaliseField(String(f.field ?? "")), message: rule, short: rule };
    });
  }
  if (["invalid_phone", "invalid_legal_id", "invalid_email"].includes(error.code) && typeof details.field === "string") {
    const value = typeof details.value === "string" ? `«${details.value}»` : "";
    return [{ field: normaliseField(details.field), message: t(`errors.${error.code}`), short: value }];
  }
  return [];
}

/** The first problem for a field or anything below it ("contacts.0.phones" matches "contacts.0.phones.1"). */
export function problemFor(problems: FieldProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
}

/** The field's label in the UI language, for listing problems: "contacts.0.phones.1" -> "Phones". */
export function fieldLabel(t: TFunction, field: string): string {
  const parts = field.split(".").filter((p) => p && !/^\d+$/.test(p));
  const last = parts[parts.length - 1];
  if (!last) return field;
  const key = `fields.${last}`;
  const label = t(key);
  return label === key ? field : label;
}

/** A company named by a 409 (duplicate tax id, phone already taken), to link to it. */
export function existingCompany(error: unknown): { id: number; legalName: string } | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  if (error.code !== "company_duplicate" && error.code !== "phone_taken") return null;
  const id = Number(error.details.companyId);
  if (!Number.isInteger(id) || id < 1) return null;
  return { id, legalName: String(error.details.legalName ?? `#${id}`) };
}
