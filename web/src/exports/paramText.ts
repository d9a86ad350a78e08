import type { TFunction } from "i18next";

/** Parameters that describe how the export went rather than which rows it took. */
const MARKS = new Set(["incomplete", "via"]);

/** The filters an export was made with, as "Stage: cold · Region: Київ" in the reader's language. */
export function paramText(t: TFunction, params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([key, value]) => !MARKS.has(key) && value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${t(`exports.params.${key}`, { defaultValue: key })}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
    .join(" · ");
}
