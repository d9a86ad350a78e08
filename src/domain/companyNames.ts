/**
 * Legal names carry a legal form ("ООО", "ТОВ", "LLC") and quotes that people leave out when
 * they search. The search key drops both so "ромаш" finds `ООО "Ромашка"`.
 */
const LEGAL_FORMS = [
  "ооо", "оао", "зао", "пао", "ао", "ип", "нко", "гуп", "муп", "фгуп",
  "тов", "пп", "прат", "пат", "ат", "фоп", "дп", "кп", "спд",
  "llc", "ltd", "inc", "gmbh", "jsc", "plc", "corp",
];

const LEGAL_FORM_PATTERN = new RegExp(`(^|\\s)(${LEGAL_FORMS.join("|")})\\.?(?=\\s|$)`, "gu");

export function companySearchKey(legalName: string): string {
  return legalName
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/["«»“”„'`,;]/g, " ")
    .replace(LEGAL_FORM_PATTERN, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The same folding applied to what a user types, so both sides compare alike. */
export function nameQueryKey(query: string): string {
  return query.toLowerCase().replace(/ё/g, "е").replace(/["«»“”„'`]/g, " ").replace(/\s+/g, " ").trim();
}
