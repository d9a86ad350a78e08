import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { CoverageAnswer, DashboardFilter, FunnelAnswer, PeopleAnswer, PromisesAnswer, RotationAnswer, SalesPeriodTrendAnswer, SourcesAnswer } from "./types";

/** One panel's figures for the period and team; the previous figures stay on screen while new ones load. */
function usePanel<T>(panel: string, filter: DashboardFilter) {
  return useQuery({
    queryKey: ["dashboard", panel, filter],
    queryFn: ({ signal }) => api.get<T>(`/api/dashboard/${panel}`, { from: filter.from, to: filter.to, team: filter.team }, signal),
    placeholderData: keepPreviousData,
  });
}

export const useFunnel = (filter: DashboardFilter) => usePanel<FunnelAnswer>("funnel", filter);
export const usePeople = (filter: DashboardFilter) => usePanel<PeopleAnswer>("people", filter);
export const useSourceFigures = (filter: DashboardFilter) => usePanel<SourcesAnswer>("sources", filter);
export const useSalesPeriodTrend = (filter: DashboardFilter) => usePanel<SalesPeriodTrendAnswer>("sales-period-trend", filter);
export const useCoverage = (filter: DashboardFilter) => usePanel<CoverageAnswer>("coverage", filter);
export const useRotationOutcomes = (filter: DashboardFilter) => usePanel<RotationAnswer>("rotation", filter);
export const usePromiseRecord = (filter: DashboardFilter) => usePanel<PromisesAnswer>("promises", filter);
