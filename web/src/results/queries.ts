import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { CallerResult } from "../api/types";

export interface ResultsFilter {
  from: string;
  to: string;
  period: "day" | "week";
  callerId?: number;
}

export function useCallerResults(filter: ResultsFilter) {
  return useQuery({
    queryKey: ["caller-results", filter],
    queryFn: ({ signal }) => api.get<{ items: CallerResult[] }>("/api/calling/results", { ...filter }, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

/** YYYY-MM-DD of a local date (the team works in one time zone; the browser is in it). */
export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
