import type { TFunction } from "i18next";

/** The default stages have names in every language; a team's own codes are shown tidied up: "site_visit" -> "Site visit". */
export const prettifyStage = (code: string) => {
  const words = code.replace(/_+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
};

export const dealStageLabel = (t: TFunction, code: string) => t(`deal.stage.${code}`, { defaultValue: prettifyStage(code) });

/** Turns what a head types ("Site visit!") into a stage code the server accepts ("site_visit"). */
export const stageCode = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 50);

export const CURRENCIES = ["UAH", "EUR", "USD", "PLN", "KZT", "RUB"] as const;

export const dealCurrency = (deal: { currency: string | null; proposals: { currency: string }[] } | null | undefined) =>
  deal?.currency ?? deal?.proposals[deal.proposals.length - 1]?.currency ?? "UAH";

/** Today as YYYY-MM-DD in the browser's time zone. */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
