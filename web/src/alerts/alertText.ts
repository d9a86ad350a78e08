import type { TFunction } from "i18next";
import { currentLanguage, LOCALES } from "../i18n";
import type { ConversionDropFigures, IntakeRejectFigures, NoConnectFigures, SourceAlert } from "./types";

const percent = (share: number) => new Intl.NumberFormat(LOCALES[currentLanguage()], { style: "percent", maximumFractionDigits: 1 }).format(share);

/** p = 0.0012; tiny values as "< 0.0001" — more digits say nothing to a reader. */
export function formatP(p: number): string {
  const locale = LOCALES[currentLanguage()];
  if (p < 0.0001) return `< ${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(0.0001)}`;
  return `= ${new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(p)}`;
}

/**
 * An alert as one sentence a head of sales reads at a glance, e.g. "Leads from «Partner X»
 * stopped qualifying: 4 of 40 (10 %) in the last 14 days vs 45 % over the 90 days before; p = 0.0001".
 */
export function alertSentence(t: TFunction, alert: SourceAlert): string {
  const source = alert.source?.name ?? t("alerts.noSource");
  if (alert.metric === "qualified" || alert.metric === "first_sale") {
    const f = alert.figures as unknown as ConversionDropFigures;
    return t(`alerts.sentence.${alert.metric}`, {
      source,
      successes: f.recent.successes,
      trials: f.recent.trials,
      rate: percent(f.recent.rate),
      baselineRate: percent(f.baseline.rate),
      windowDays: f.windowDays,
      baselineDays: f.baselineDays,
      withinDays: f.withinDays,
      p: formatP(f.pValue),
    });
  }
  if (alert.metric === "intake_rejects") {
    const f = alert.figures as unknown as IntakeRejectFigures;
    return t("alerts.sentence.intake_rejects", { source, ...f, share: percent(f.rejectShare) });
  }
  const f = alert.figures as unknown as NoConnectFigures;
  return t("alerts.sentence.no_connects", { source, ...f, rate: percent(f.connectRate) });
}
