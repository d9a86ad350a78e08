/**
 * The source quality watch: built-in conflicts made visible. A lead source whose leads stopped
 * converting against its own history, or that floods the team with junk, raises an alert the
 * head and the source's owner see the same day. The rules here decide; the sweep gathers the
 * counts and keeps one live alert per source, kind and metric.
 */

export interface SourceWatchSettings {
  /** The recent window of matured leads, in days. */
  windowDays: number;
  /** The baseline: this many days of matured leads before the recent window. */
  baselineDays: number;
  /** A lead is qualified when a deal is opened within this many days of it. */
  qualifyDays: number;
  /** A lead converts when its first sale comes within this many days of it. */
  saleDays: number;
  /** Neither window decides anything with fewer leads than this. */
  minSample: number;
  /** The significance level of the drop test. */
  alpha: number;
  /** Intake posts of the last this many hours are judged for rejects. */
  spamWindowHours: number;
  /** The spam rules need at least this many posts, or contacted leads. */
  spamMinLeads: number;
  /** This share of rejected posts (invalid, duplicate, over the rate limit) or more looks like spam. */
  spamRejectShare: number;
  /** Contacted leads reached this rarely or less look like spam. */
  spamMaxConnectRate: number;
}

export const DEFAULT_SOURCE_WATCH: SourceWatchSettings = {
  windowDays: 14,
  baselineDays: 90,
  qualifyDays: 3,
  saleDays: 45,
  minSample: 20,
  alpha: 0.01,
  spamWindowHours: 24,
  spamMinLeads: 20,
  spamRejectShare: 0.5,
  spamMaxConnectRate: 0.1,
};

/** The "no connects" rule looks at the leads a source delivered in this many days. */
export const NO_CONNECT_WINDOW_DAYS = 7;

export type ConversionMetric = "qualified" | "first_sale";
export type SpamMetric = "intake_rejects" | "no_connects";
export type AlertKind = "source_conversion_drop" | "source_spam";

export interface Counts {
  trials: number;
  successes: number;
}

// ---------------------------------------------------------------------------------------------
// Fisher's exact test, one-sided, in log space.

/** ln(n!) exactly summed below the table size, by Stirling's series above it (both to double precision). */
const LOG_FACTORIAL_TABLE: number[] = (() => {
  const table = [0];
  for (let n = 1; n < 256; n++) table.push(table[n - 1]! + Math.log(n));
  return table;
})();

export function logFactorial(n: number): number {
  if (n < LOG_FACTORIAL_TABLE.length) return LOG_FACTORIAL_TABLE[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/**
 * One-sided p-value of Fisher's exact test that the recent success rate is LOWER than the
 * baseline's: the probability, with both windows' successes pooled at random, that the recent
 * window gets as few successes as it did or fewer (the hypergeometric lower tail). Each term
 * follows from its neighbour by a ratio, so a tail over a million trials costs only as many
 * steps as it has non-negligible terms.
 */
export function fisherLowerTail(recent: Counts, baseline: Counts): number {
  const n1 = recent.trials;
  const total = n1 + baseline.trials;
  const successes = recent.successes + baseline.successes;
  const a = recent.successes;
  const lo = Math.max(0, n1 + successes - total);
  const hi = Math.min(n1, successes);
  if (a >= hi) return 1;
  const logAt = (x: number) => logChoose(successes, x) + logChoose(total - successes, n1 - x) - logChoose(total, n1);
  // P(x+1)/P(x) for the hypergeometric distribution.
  const up = (x: number) => ((successes - x) * (n1 - x)) / ((x + 1) * (total - successes - n1 + x + 1));
  const mode = Math.floor(((n1 + 1) * (successes + 1)) / (total + 2));
  if (a < mode) {
    // The lower tail: terms shrink going down from `a`.
    let term = 1;
    let sum = 1;
    for (let x = a; x > lo; x--) {
      term /= up(x - 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return clamp01(Math.exp(logAt(a) + Math.log(sum)));
  }
  // At or past the mode the lower tail is most of the mass: one minus the upper tail, which shrinks going up.
  let term = 1;
  let sum = 1;
  for (let x = a + 1; x < hi; x++) {
    term *= up(x);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return clamp01(1 - Math.exp(logAt(a + 1) + Math.log(sum)));
}

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));

// ---------------------------------------------------------------------------------------------
// The decisions.

export interface WindowFigures extends Counts {
  /** successes / trials, 0 with no trials. */
  rate: number;
}

export interface ConversionDropFigures {
  recent: WindowFigures;
  baseline: WindowFigures;
  /** How much lower the recent rate is, as a share of the baseline rate (0 when not lower). */
  relativeDrop: number;
  pValue: number;
}

export interface Decision<F> {
  alert: boolean;
  figures: F;
}

const rateOf = (c: Counts) => (c.trials > 0 ? c.successes / c.trials : 0);
/** Rounded for reading and for comparing one sweep's figures with the last. */
const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const roundP = (p: number) => Number(p.toPrecision(3));

/**
 * A source's conversion fell against its own baseline: both windows have at least `minSample`
 * leads, the recent rate is below the baseline's, and Fisher's test finds the drop unlikely
 * to be chance (p < alpha). Too few leads never alert, however extreme the figures look.
 */
export function conversionDrop(recent: Counts, baseline: Counts, rules: Pick<SourceWatchSettings, "minSample" | "alpha">): Decision<ConversionDropFigures> {
  const recentRate = rateOf(recent);
  const baselineRate = rateOf(baseline);
  const pValue = roundP(fisherLowerTail(recent, baseline));
  const figures: ConversionDropFigures = {
    recent: { ...recent, rate: round(recentRate) },
    baseline: { ...baseline, rate: round(baselineRate) },
    relativeDrop: baselineRate > 0 && recentRate < baselineRate ? round((baselineRate - recentRate) / baselineRate) : 0,
    pValue,
  };
  const alert = recent.trials >= rules.minSample && baseline.trials >= rules.minSample && recentRate < baselineRate && pValue < rules.alpha;
  return { alert, figures };
}

export interface IntakeCounts {
  posts: number;
  invalid: number;
  duplicate: number;
  rateLimited: number;
}

export interface IntakeRejectFigures extends IntakeCounts {
  rejected: number;
  rejectShare: number;
}

/** Spam, (a): many posts to the source's intake, and too many of them rejected (invalid, duplicate, over the rate limit). */
export function intakeRejects(counts: IntakeCounts, rules: Pick<SourceWatchSettings, "spamMinLeads" | "spamRejectShare">): Decision<IntakeRejectFigures> {
  const rejected = counts.invalid + counts.duplicate + counts.rateLimited;
  const share = counts.posts > 0 ? rejected / counts.posts : 0;
  return {
    alert: counts.posts >= rules.spamMinLeads && share >= rules.spamRejectShare,
    figures: { ...counts, rejected, rejectShare: round(share) },
  };
}

export interface ConnectCounts {
  /** Leads the source delivered in the window that somebody tried to call. */
  attempted: number;
  /** Of them, leads where somebody answered at least once. */
  connected: number;
}

export interface NoConnectFigures extends ConnectCounts {
  connectRate: number;
}

/** Spam, (b): many of the source's fresh leads called, hardly anyone ever answers. */
export function noConnects(counts: ConnectCounts, rules: Pick<SourceWatchSettings, "spamMinLeads" | "spamMaxConnectRate">): Decision<NoConnectFigures> {
  const rate = counts.attempted > 0 ? counts.connected / counts.attempted : 0;
  return {
    alert: counts.attempted >= rules.spamMinLeads && rate <= rules.spamMaxConnectRate,
    figures: { ...counts, connectRate: round(rate) },
  };
}

/**
 * Call outcomes where nobody was reached. Every other outcome means somebody answered — for
 * tier 1 this is exactly the complement of the "connects" figure.
 */
export const UNREACHED_OUTCOMES = ["no_answer", "wrong_number"] as const;

// ---------------------------------------------------------------------------------------------
// The alert's life.

export type AlertStep<F> = { action: "raise"; figures: F } | { action: "refresh"; figures: F } | { action: "resolve"; resolution: "recovered" } | { action: "none" };

/**
 * What today's evaluation does to a source's live alert of one kind and metric: a new
 * condition raises one, a lasting one refreshes its figures (only when they changed, so a
 * second sweep changes nothing), a cleared one resolves it as recovered. `quiet`: the head
 * dismissed this alert lately, so the same condition is not raised again yet.
 */
export function alertStep<F>(live: { figures: unknown } | null, today: Decision<F>, quiet = false): AlertStep<F> {
  if (!live) return today.alert && !quiet ? { action: "raise", figures: today.figures } : { action: "none" };
  if (!today.alert) return { action: "resolve", resolution: "recovered" };
  return sameFigures(live.figures, today.figures) ? { action: "none" } : { action: "refresh", figures: today.figures };
}

const HOUR_MS = 3_600_000;

/**
 * The span of evidence a metric is judged on (the spam windows are read over it). A dismissed
 * alert stays quiet for that long: the head has seen these figures and decided; the alert
 * comes back only if the condition still holds on a window of new leads (or posts).
 */
export function evidenceWindowMs(metric: ConversionMetric | SpamMetric, rules: Pick<SourceWatchSettings, "windowDays" | "spamWindowHours">): number {
  if (metric === "intake_rejects") return rules.spamWindowHours * HOUR_MS;
  if (metric === "no_connects") return NO_CONNECT_WINDOW_DAYS * 24 * HOUR_MS;
  return rules.windowDays * 24 * HOUR_MS;
}

/** Deep equality of JSON values, whatever the key order (the database returns jsonb keys sorted its own way). */
export function sameFigures(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameFigures((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------
// The windows.

export interface CohortWindows {
  recent: { from: Date; to: Date };
  baseline: { from: Date; to: Date };
}

const DAY_MS = 86_400_000;

/**
 * Matured cohorts: a lead counts for "within N days" only once it is N days old, so the recent
 * window is the last `windowDays` of leads at least `maturityDays` old, and the baseline the
 * `baselineDays` before it.
 */
export function cohortWindows(now: Date, maturityDays: number, rules: Pick<SourceWatchSettings, "windowDays" | "baselineDays">): CohortWindows {
  const maturedBy = now.getTime() - maturityDays * DAY_MS;
  const recentFrom = maturedBy - rules.windowDays * DAY_MS;
  return {
    recent: { from: new Date(recentFrom), to: new Date(maturedBy) },
    baseline: { from: new Date(recentFrom - rules.baselineDays * DAY_MS), to: new Date(recentFrom) },
  };
}
