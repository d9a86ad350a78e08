import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { ExportLogPage } from "./types";

export const LOG_PAGE_SIZE = 50;

/** Who exported what, newest first, a page at a time; `what` narrows it to one list. */
export function useExportLog(page: number, what?: string) {
  return useQuery({
    queryKey: ["exports-log", { page, what }],
    queryFn: ({ signal }) => api.get<ExportLogPage>("/api/exports/log", { what, limit: LOG_PAGE_SIZE, offset: page * LOG_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}
