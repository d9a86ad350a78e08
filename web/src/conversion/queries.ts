import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Company, CustomerPromise, ManagerResult, PendingHandOver, PromiseStatus, QueueItem } from "../api/types";

/** The morning queue: a manager's own, or (the head) a named manager's or everyone's. */
export function useQueue(managerId?: number) {
  return useQuery({
    queryKey: ["queue", managerId ?? null],
    queryFn: ({ signal }) => api.get<{ today: string; items: QueueItem[] }>("/api/conversion/queue", { managerId }, signal),
    refetchInterval: 60_000,
  });
}

export function useOverdue(enabled = true) {
  return useQuery({
    queryKey: ["overdue"],
    queryFn: () => api.get<{ items: QueueItem[] }>("/api/conversion/overdue"),
    select: (d) => d.items,
    enabled,
    refetchInterval: 60_000,
  });
}

export function useDistribute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ assigned: number; byManager: Record<string, number> }>("/api/conversion/distribute"),
    onSuccess: () => {
      for (const key of [["queue"], ["overdue"], ["companies"], ["conversion-results"]]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useConversionResults(filter: { from: string; to: string; managerId?: number }) {
  return useQuery({
    queryKey: ["conversion-results", filter],
    queryFn: ({ signal }) => api.get<{ items: ManagerResult[] }>("/api/conversion/results", { ...filter }, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function usePromises(filter: { status?: PromiseStatus; madeBy?: number; companyId?: number }, enabled = true) {
  return useQuery({
    queryKey: ["promises", filter],
    queryFn: () => api.get<{ items: CustomerPromise[] }>("/api/promises", { ...filter }),
    select: (d) => d.items,
    enabled,
  });
}

export function useResolvePromise(companyId?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: number; status: "kept" | "broken"; note?: string }) =>
      api.post<{ promise: CustomerPromise }>(`/api/promises/${id}/resolve`, { status, note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["promises"] });
      void queryClient.invalidateQueries({ queryKey: ["conversion-results"] });
      if (companyId) void queryClient.invalidateQueries({ queryKey: ["timeline", companyId] });
    },
  });
}

/** Customers handed over and not yet accepted: an account manager's own, or all for the head. */
export function usePendingHandOvers(enabled = true) {
  return useQuery({
    queryKey: ["handovers"],
    queryFn: () => api.get<{ items: PendingHandOver[] }>("/api/handovers/pending"),
    select: (d) => d.items,
    enabled,
  });
}

export function useAcceptCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (companyId: number) => api.post<{ company: Company }>(`/api/companies/${companyId}/accept`),
    onSuccess: (_data, companyId) => {
      for (const key of [["handovers"], ["company", companyId], ["timeline", companyId], ["companies"]]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
