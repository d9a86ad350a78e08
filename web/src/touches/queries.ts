import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TouchCoverage, TouchRow } from "../api/types";

export const PAGE_SIZE = 50;

export const TOUCH_FILTERS = ["due", "overdue", "all"] as const;
export type TouchFilterStatus = (typeof TOUCH_FILTERS)[number];

export interface TouchFilter {
  status: TouchFilterStatus;
  /** The head: one person's companies, or "none" for live companies nobody holds. */
  holder?: number | "none";
  page: number;
}

/** Coverage: the share of live companies touched in the window and the overdue touches, for the team and per person. */
export function useCoverage() {
  return useQuery({
    queryKey: ["touches", "coverage"],
    queryFn: ({ signal }) => api.get<TouchCoverage>("/api/touches/coverage", undefined, signal),
    // A touch logged on a company's page moves these numbers: ask again on every visit.
    staleTime: 0,
    refetchInterval: 5 * 60_000,
  });
}

/** Live companies by their next touch: overdue, due today (or overdue), or all. */
export function useTouches(filter: TouchFilter) {
  const { status, holder, page } = filter;
  return useQuery({
    queryKey: ["touches", "list", filter],
    queryFn: ({ signal }) =>
      api.get<{ total: number; items: TouchRow[] }>(
        "/api/touches",
        { status, holderId: typeof holder === "number" ? holder : undefined, unheld: holder === "none" ? true : undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: 5 * 60_000,
  });
}
