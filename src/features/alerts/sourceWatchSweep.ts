import { sql } from "drizzle-orm";
import { selectRows, type DbOrTx } from "../../db/connect.js";
import {
  NO_CONNECT_WINDOW_DAYS,
  alertStep,
  cohortWindows,
  conversionDrop,
  evidenceWindowMs,
  intakeRejects,
  noConnects,
  type AlertKind,
  type ConversionMetric,
  type Counts,
  type Decision,
  type SourceWatchSettings,
  type SpamMetric,
} from "../../domain/sourceWatch.js";
import { readSettings } from "../settings/teamSettings.js";
import { leadCohorts, type SourceCohortRow } from "./leadCohorts.js";
import { DISMISSED_PREFIX } from "./queries.js";
import { connectCounts, intakeCounts } from "./sourceSignals.js";

export interface RaisedAlert {
  id: number;
  sourceId: number;
  kind: AlertKind;
  metric: ConversionMetric | SpamMetric;
}

export interface SourceWatchResult {
  sources: number;
  raised: RaisedAlert[];
  refreshed: number;
  resolved: number;
}

type Metric = ConversionMetric | SpamMetric;
const WATCHED: readonly { kind: AlertKind; metric: Metric }[] = [
  { kind: "source_conversion_drop", metric: "qualified" },
  { kind: "source_conversion_drop", metric: "first_sale" },
  { kind: "source_spam", metric: "intake_rejects" },
  { kind: "source_spam", metric: "no_connects" },
];

const keyOf = (kind: string, sourceId: number | null, metric: string) => `${kind}:${sourceId ?? ""}:${metric}`;

/**
 * The source quality watch (every 15 minutes): for every active source, has the share of its
 * matured leads that qualified, or reached a first sale, fallen against its own baseline, and
 * does it look like spam? Keeps one live alert per source, kind and metric: raises it, refreshes
 * its figures while the condition lasts, resolves it as recovered when it clears. Alerts of a
 * source no longer active are resolved as `source_inactive`. A run that finds nothing new
 * writes nothing.
 */
export async function runSourceWatch(db: DbOrTx, timeZone: string, now = new Date()): Promise<SourceWatchResult> {
  const rules = (await readSettings(db, timeZone)).sourceWatch;
  const sources = await selectRows<{ id: number }>(db, sql`select id from lead_sources where active order by id`);
  const sourceIds = sources.map((s) => s.id);
  const live = await selectRows<{ id: number; kind: string; source_id: number | null; metric: string; figures: unknown }>(
    db,
    sql`select id, kind, source_id, metric, figures from alerts where resolved_at is null`,
  );
  const dismissed = await selectRows<{ kind: string; source_id: number | null; metric: string; at: Date | string }>(
    db,
    sql`select kind, source_id, metric, max(resolved_at) as at from alerts where resolution like ${`${DISMISSED_PREFIX}%`} group by kind, source_id, metric`,
  );
  const liveByKey = new Map(live.map((a) => [keyOf(a.kind, a.source_id, a.metric), a]));
  const dismissedAt = new Map(dismissed.map((d) => [keyOf(d.kind, d.source_id, d.metric), new Date(d.at).getTime()]));
  const decisions = await evaluate(db, sourceIds, rules, now);

  const result: SourceWatchResult = { sources: sourceIds.length, raised: [], refreshed: 0, resolved: 0 };
  for (const sourceId of sourceIds) {
    for (const { kind, metric } of WATCHED) {
      const key = keyOf(kind, sourceId, metric);
      const current = liveByKey.get(key) ?? null;
      const lastDismissal = dismissedAt.get(key);
      const quiet = lastDismissal !== undefined && now.getTime() - lastDismissal < evidenceWindowMs(metric, rules);
      const step = alertStep(current, decisions.get(key)!, quiet);
      if (step.action === "raise") {
        const [row] = await selectRows<{ id: number }>(
          db,
          sql`insert into alerts (kind, source_id, metric, raised_at, figures)
              values (${kind}, ${sourceId}, ${metric}, ${now.toISOString()}::timestamptz, ${JSON.stringify(step.figures)}::jsonb) returning id`,
        );
        result.raised.push({ id: row!.id, sourceId, kind, metric });
      } else if (step.action === "refresh") {
        await db.execute(sql`update alerts set figures = ${JSON.stringify(step.figures)}::jsonb where id = ${current!.id}`);
        result.refreshed++;
      } else if (step.action === "resolve") {
        await resolve(db, current!.id, step.resolution, now);
        result.resolved++;
      }
    }
  }
  const active = new Set(sourceIds);
  for (const alert of live) {
    if (alert.source_id !== null && active.has(alert.source_id)) continue;
    await resolve(db, alert.id, "source_inactive", now);
    result.resolved++;
  }
  return result;
}

const resolve = (db: DbOrTx, id: number, resolution: string, now: Date) =>
  db.execute(sql`update alerts set resolved_at = ${now.toISOString()}::timestamptz, resolution = ${resolution} where id = ${id}`);

/** Today's decision for every watched source, kind and metric. */
async function evaluate(db: DbOrTx, sourceIds: number[], rules: SourceWatchSettings, now: Date): Promise<Map<string, Decision<unknown>>> {
  const decisions = new Map<string, Decision<unknown>>();
  if (sourceIds.length === 0) return decisions;
  const conversion: readonly [ConversionMetric, number, (row: SourceCohortRow) => number][] = [
    ["qualified", rules.qualifyDays, (r) => r.qualified],
    ["first_sale", rules.saleDays, (r) => r.firstSales],
  ];
  for (const [metric, withinDays, successesOf] of conversion) {
    const windows = cohortWindows(now, withinDays, rules);
    const cohort = async (w: { from: Date; to: Date }) => {
      const rows = await leadCohorts(db, { ...w, asOf: now, qualifyWithinDays: rules.qualifyDays, saleWithinDays: rules.saleDays, sourceIds });
      return new Map(rows.map((r): [number | null, Counts] => [r.sourceId, { trials: r.leads, successes: successesOf(r) }]));
    };
    const recent = await cohort(windows.recent);
    const baseline = await cohort(windows.baseline);
    for (const sourceId of sourceIds) {
      const none = { trials: 0, successes: 0 };
      const decision = conversionDrop(recent.get(sourceId) ?? none, baseline.get(sourceId) ?? none, rules);
      const figures = { windowDays: rules.windowDays, baselineDays: rules.baselineDays, withinDays, ...decision.figures };
      decisions.set(keyOf("source_conversion_drop", sourceId, metric), { alert: decision.alert, figures });
    }
  }
  const posts = await intakeCounts(db, sourceIds, new Date(now.getTime() - evidenceWindowMs("intake_rejects", rules)));
  const calls = await connectCounts(db, sourceIds, new Date(now.getTime() - evidenceWindowMs("no_connects", rules)));
  for (const sourceId of sourceIds) {
    const rejects = intakeRejects(posts.get(sourceId) ?? { posts: 0, invalid: 0, duplicate: 0, rateLimited: 0 }, rules);
    decisions.set(keyOf("source_spam", sourceId, "intake_rejects"), { alert: rejects.alert, figures: { windowHours: rules.spamWindowHours, ...rejects.figures } });
    const connects = noConnects(calls.get(sourceId) ?? { attempted: 0, connected: 0 }, rules);
    decisions.set(keyOf("source_spam", sourceId, "no_connects"), { alert: connects.alert, figures: { windowDays: NO_CONNECT_WINDOW_DAYS, ...connects.figures } });
  }
  return decisions;
}
