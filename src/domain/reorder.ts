import { dayFromNumber, dayNumber, daysBetween, median } from "./deals.js";
import type { Day } from "./workingTime.js";

/**
 * Tier 3's reorder prediction. A customer who buys on a rhythm will buy again about one usual
 * interval after the last purchase: the account manager is reminded a few days before that day,
 * and a customer past it is "overdue to buy". The rhythm is read from the customer's purchase
 * history overall and, for each product bought regularly, from that product's own purchases —
 * a customer may take paper every month and toner every quarter.
 *
 * Purchases are calendar days (YYYY-MM-DD): several orders on one day are one purchase (an
 * interval of zero days is a split order, not a rhythm).
 *
 * The usual interval is the median of the intervals between purchase days. The median, not the
 * mean or a recency-weighted average, because order histories have one-off outliers — a summer
 * break, a rush order two days after the regular one — and a single outlier should not move the
 * date the manager calls; the median ignores it, and it stays exact when every interval scales.
 * How far to trust the date is the confidence (see `confidenceOf`).
 */
export interface PurchaseLine {
  productId: number;
  quantity: number;
  amountMinor: number;
}

export interface Purchase {
  day: Day;
  lines: readonly PurchaseLine[];
}

export interface ReorderPrediction {
  /** Distinct purchase days the prediction is read from (at least 2). */
  purchases: number;
  lastDay: Day;
  /** The usual interval: median of the intervals between purchase days, in days (may be a half). */
  intervalDays: number;
  /** The last purchase day plus the usual interval, rounded to a whole day; always after `lastDay`. */
  expectedDay: Day;
  /** How far to trust `expectedDay`, 0…1. */
  confidence: number;
}

export interface ProductReorderPrediction extends ReorderPrediction {
  productId: number;
  /** Median quantity bought per purchase day: what to offer. */
  typicalQuantity: number;
}

export interface CustomerReorder {
  /** The next purchase of anything, or null with fewer than 2 purchase days. */
  overall: ReorderPrediction | null;
  /** One prediction per regularly bought product, by product id. */
  products: ProductReorderPrediction[];
}

/** A product is bought regularly once it appears in at least this many purchase days. */
export const DEFAULT_MIN_PURCHASES_PER_PRODUCT = 3;

/** Calendar day arithmetic in UTC, so no time zone or daylight-saving change can shift a day. */
export function addDays(day: Day, days: number): Day {
  return dayFromNumber(dayNumber(day) + days);
}

/**
 * Confidence grows with the number of intervals and falls with their dispersion:
 * `n / (n + 2) × e^(−cv)`, where n is the number of intervals and cv their coefficient of variation
 * (standard deviation / mean). One interval gives at most 1/3, two 1/2, ten 5/6; a perfectly
 * regular history keeps all of that, and one whose intervals vary as much as their mean (cv = 1)
 * keeps 37 %. It does not depend on the scale: weekly and yearly rhythms are trusted alike.
 */
export function confidenceOf(intervals: readonly number[]): number {
  const n = intervals.length;
  if (n === 0) return 0;
  const mean = intervals.reduce((s, x) => s + x, 0) / n;
  if (mean <= 0) return 0;
  const variance = intervals.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  const cv = Math.sqrt(variance) / mean;
  return (n / (n + 2)) * Math.exp(-cv);
}

/** The next purchase from the days something was bought, or null with fewer than 2 distinct days. */
export function predictNextPurchase(days: readonly Day[]): ReorderPrediction | null {
  const distinct = [...new Set(days)].sort();
  if (distinct.length < 2) return null;
  const intervals = distinct.slice(1).map((day, i) => daysBetween(distinct[i]!, day));
  const intervalDays = median(intervals)!;
  const lastDay = distinct[distinct.length - 1]!;
  return {
    purchases: distinct.length,
    lastDay,
    intervalDays,
    expectedDay: addDays(lastDay, Math.round(intervalDays)),
    confidence: confidenceOf(intervals),
  };
}

/**
 * The customer's next purchase overall and per regularly bought product. A line with a quantity
 * of zero or less (a return, a correction) does not count as buying the product.
 */
export function predictReorder(
  purchases: readonly Purchase[],
  minPurchasesPerProduct = DEFAULT_MIN_PURCHASES_PER_PRODUCT,
): CustomerReorder {
  const quantityByProduct = new Map<number, Map<Day, number>>();
  for (const purchase of purchases) {
    for (const line of purchase.lines) {
      if (line.quantity <= 0) continue;
      let byDay = quantityByProduct.get(line.productId);
      if (!byDay) quantityByProduct.set(line.productId, (byDay = new Map()));
      byDay.set(purchase.day, (byDay.get(purchase.day) ?? 0) + line.quantity);
    }
  }
  const products: ProductReorderPrediction[] = [];
  for (const [productId, byDay] of [...quantityByProduct].sort(([a], [b]) => a - b)) {
    if (byDay.size < Math.max(2, minPurchasesPerProduct)) continue;
    const prediction = predictNextPurchase([...byDay.keys()])!;
    products.push({ productId, ...prediction, typicalQuantity: median([...byDay.values()])! });
  }
  return { overall: predictNextPurchase(purchases.map((p) => p.day)), products };
}

/**
 * Remind the account manager `daysBefore` days before the expected day: the reminder is due from
 * that day up to and including the expected day itself; after it the customer is overdue instead.
 */
export function reminderDue(prediction: ReorderPrediction | null, today: Day, daysBefore: number): boolean {
  if (!prediction) return false;
  return today >= addDays(prediction.expectedDay, -Math.max(0, daysBefore)) && today <= prediction.expectedDay;
}

/** "Overdue to buy": today is past the expected day by more than `graceDays` and no purchase came. */
export function isOverdueToBuy(prediction: ReorderPrediction | null, today: Day, graceDays = 0): boolean {
  if (!prediction) return false;
  return today > addDays(prediction.expectedDay, Math.max(0, graceDays));
}

export type ReorderStatus = "none" | "scheduled" | "due" | "overdue";

/**
 * Where a customer stands against its expected purchase today: no prediction yet, not yet time,
 * reminder due (from `daysBefore` days before the expected day up to it), or overdue to buy.
 */
export function reorderStatus(prediction: ReorderPrediction | null, today: Day, daysBefore: number): ReorderStatus {
  if (!prediction) return "none";
  if (isOverdueToBuy(prediction, today)) return "overdue";
  return reminderDue(prediction, today, daysBefore) ? "due" : "scheduled";
}
