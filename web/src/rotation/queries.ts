import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { DeadClient, QualityLine, ReportLineInput, Rest, RotationDecisionInput, RotationOutcome, SalesPeriodReport, WeeklyOverview, WeeklyReport } from "../api/types";

export const DEAD_PAGE_SIZE = 50;

/** The head's list of dead clients, longest listed first; optionally one holder's. */
export function useDeadClients(page: number, holderId?: number) {
  return useQuery({
    queryKey: ["rotation", "dead", { page, holderId: holderId ?? null }],
    queryFn: ({ signal }) => api.get<{ total: number; items: DeadClient[] }>("/api/rotation/dead", { holderId, limit: DEAD_PAGE_SIZE, offset: page * DEAD_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useResting() {
  return useQuery({
    queryKey: ["rotation", "resting"],
    queryFn: ({ signal }) => api.get<{ items: Rest[] }>("/api/rotation/resting", undefined, signal),
    select: (d) => d.items,
    staleTime: 0,
  });
}

export function useSalesPeriod() {
  return useQuery({ queryKey: ["rotation", "sales-period"], queryFn: ({ signal }) => api.get<SalesPeriodReport>("/api/rotation/sales-period", undefined, signal) });
}

export function useQuality() {
  return useQuery({ queryKey: ["rotation", "quality"], queryFn: ({ signal }) => api.get<{ windowDays: number; items: QualityLine[] }>("/api/rotation/quality", undefined, signal) });
}

/** After a decision: the head's lists, the reports, and every company touched (card, timeline, lists). */
function useRotationChanged() {
  const queryClient = useQueryClient();
  return (companyIds: number[]) => {
    for (const key of [["rotation"], ["weekly-reports"], ["companies"], ["queue"], ["deals"], ["touches"]]) void queryClient.invalidateQueries({ queryKey: key });
    for (const id of companyIds) {
      void queryClient.invalidateQueries({ queryKey: ["company", id] });
      void queryClient.invalidateQueries({ queryKey: ["timeline", id] });
    }
  };
}

/** The head's decisions, singly or in a batch: all take effect or none (the error names the item by `details.index`). */
export function useDecide() {
  const changed = useRotationChanged();
  return useMutation({
    mutationFn: (items: RotationDecisionInput[]) => api.post<{ items: RotationOutcome[] }>("/api/rotation/decisions", { items }),
    onSuccess: ({ items }) => changed(items.map((i) => i.companyId)),
  });
}

export function useSetNextHolder() {
  const changed = useRotationChanged();
  return useMutation({
    mutationFn: ({ restId, nextHolderId }: { restId: number; nextHolderId: number }) => api.patch<{ rest: Rest }>(`/api/rotation/rests/${restId}`, { nextHolderId }),
    onSuccess: ({ rest }) => changed([rest.company.id]),
  });
}

/** My report for a week (null: this week, as the server counts it). */
export function useMyReport(week: string | null) {
  return useQuery({
    queryKey: ["weekly-reports", "mine", week],
    queryFn: ({ signal }) => api.get<{ report: WeeklyReport }>("/api/weekly-reports/mine", { week }, signal),
    select: (d) => d.report,
    staleTime: 0,
  });
}

export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ week, lines, submit }: { week: string; lines: ReportLineInput[]; submit: boolean }) =>
      api.put<{ report: WeeklyReport }>(`/api/weekly-reports/mine/${week}`, { lines, submit }),
    onSuccess: ({ report }) => {
      void queryClient.invalidateQueries({ queryKey: ["weekly-reports"] });
      for (const c of report.clients) void queryClient.invalidateQueries({ queryKey: ["timeline", c.company.id] });
    },
  });
}

/** The head's view of a week's reports (null: this week). */
export function useWeeklyOverview(week: string | null) {
  return useQuery({
    queryKey: ["weekly-reports", "overview", week],
    queryFn: ({ signal }) => api.get<WeeklyOverview>("/api/weekly-reports", { week }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
