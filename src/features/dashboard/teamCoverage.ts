import type { DbOrTx } from "../../db/connect.js";
import { coverageReport, type CoverageReportDto } from "../touches/queries.js";
import { inScope, type DashboardScope } from "./scope.js";

/**
 * The weekly-touch coverage as the weekly contact page counts it (now: the share of live
 * companies touched in the last seven days), per person and for the team. With a team, only
 * its people's lines, and the team line summed from them; companies nobody holds belong to no team.
 */
export async function teamCoverage(db: DbOrTx, scope: DashboardScope, now = new Date()): Promise<CoverageReportDto> {
  const report = await coverageReport(db, { kind: "all" }, now, scope.wh);
  if (scope.userIds === undefined) return report;
  const byHolder = report.byHolder.filter((line) => line.holderId !== null && inScope(scope, line.holderId));
  const live = byHolder.reduce((n, l) => n + l.live, 0);
  const touched = byHolder.reduce((n, l) => n + l.touched, 0);
  const overdue = byHolder.reduce((n, l) => n + l.overdue, 0);
  return { days: report.days, team: { live, touched, overdue, share: live === 0 ? 1 : touched / live }, byHolder };
}
