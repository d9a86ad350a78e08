import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { AlertStatus, SourceAlert } from "./types";

/** Live alerts are re-read every few minutes even without an event (a missed push, another app instance). */
const REFRESH_MS = 3 * 60_000;

export function useAlerts(status: AlertStatus = "live", sourceId?: number) {
  return useQuery({
    queryKey: ["alerts", status, sourceId ?? null],
    queryFn: ({ signal }) => api.get<{ items: SourceAlert[] }>("/api/alerts", { status, sourceId }, signal),
    select: (d) => d.items,
    refetchInterval: status === "live" ? REFRESH_MS : false,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ alert: SourceAlert }>(`/api/alerts/${id}/acknowledge`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
}

export function useDismissAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) => api.post<{ alert: SourceAlert }>(`/api/alerts/${id}/resolve`, { note }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
