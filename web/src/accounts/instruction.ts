import type { TFunction } from "i18next";
import type { AccountBrief, Company } from "../api/types";
import { currentLanguage, LOCALES } from "../i18n";
import { formatDay, formatMoney } from "../i18n/format";
import { daysAgo, percent, segmentAdvice, segmentLabel } from "./segments";

/** How many products the "what they buy" sentence names before "and N more". */
const TOP_PRODUCTS = 3;

export interface InstructionLine {
  key: "who" | "last" | "since" | "what" | "rhythm" | "reorder" | "segment";
  text: string;
  tone?: "warning" | "danger";
}

const quantity = (n: number) => new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 1 }).format(n);

/**
 * The account manager's instruction for a customer, as sentences in the user's language: who
 * they are, how long since they bought, what, how often and when next, and the segment's advice.
 */
export function instructionLines(t: TFunction, company: Company, brief: AccountBrief): InstructionLine[] {
  const lines: InstructionLine[] = [];
  const facts = [company.industry, company.size ? t(`accounts.brief.sizes.${company.size}`) : null, company.region].filter(Boolean);
  lines.push({ key: "who", text: facts.length ? t("accounts.brief.who", { facts: facts.join(", ") }) : t("accounts.brief.whoUnknown") });

  if (brief.lastPurchaseOn === null || brief.daysSinceLastPurchase === null) {
    lines.push({ key: "last", text: t("accounts.brief.noPurchases") });
  } else {
    lines.push({ key: "last", text: t("accounts.brief.last", { ago: daysAgo(t, brief.daysSinceLastPurchase), date: formatDay(brief.lastPurchaseOn) }) });
    const total = brief.totals.map((x) => formatMoney(x.amountMinor, x.currency)).join(" + ");
    lines.push({ key: "since", text: t("accounts.brief.since", { date: formatDay(brief.firstPurchaseOn), count: brief.purchaseDays, total }) });
  }

  if (brief.products.length) {
    const top = [...brief.products].sort((a, b) => b.amountMinor - a.amountMinor || b.purchaseDays - a.purchaseDays).slice(0, TOP_PRODUCTS);
    const items = top.map((p) =>
      p.prediction
        ? t("accounts.brief.whatItemTypical", { name: p.name, quantity: quantity(p.quantity), typical: quantity(p.prediction.typicalQuantity) })
        : t("accounts.brief.whatItem", { name: p.name, quantity: quantity(p.quantity) }),
    );
    const more = brief.products.length - top.length;
    lines.push({ key: "what", text: t("accounts.brief.what", { list: items.join("; ") }) + (more > 0 ? ` ${t("accounts.brief.whatMore", { count: more })}` : "") });
  }

  if (brief.overall) {
    const o = brief.overall;
    lines.push({ key: "rhythm", text: t("accounts.brief.rhythm", { days: Math.round(o.intervalDays), date: formatDay(o.expectedDay), confidence: percent(o.confidence) }) });
    if (o.status === "due") lines.push({ key: "reorder", text: t("accounts.brief.due", { date: formatDay(o.expectedDay) }), tone: "warning" });
    if (o.status === "overdue") lines.push({ key: "reorder", text: t("accounts.brief.overdue", { date: formatDay(o.expectedDay) }), tone: "danger" });
  } else if (brief.purchaseDays > 0) {
    lines.push({ key: "rhythm", text: t("accounts.brief.noRhythm") });
  }

  // Right after a first order the segment waits for the nightly sweep, which ranks everyone at once.
  const segment = brief.rfm?.segment;
  if (segment && (segment !== "no_purchases" || brief.purchaseDays === 0)) {
    lines.push({ key: "segment", text: t("accounts.brief.segment", { segment: segmentLabel(t, segment), advice: segmentAdvice(t, segment) }) });
  } else if (brief.purchaseDays > 0) {
    lines.push({ key: "segment", text: t("accounts.brief.segmentPending") });
  }
  // Dates in Russian and Ukrainian end with a period ("26 окт. 2026 г."): no double period after them.
  return lines.map((line) => ({ ...line, text: line.text.replace(/\.\.(?!\.)/g, ".") }));
}
