import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { CallList, CallListCriteria, CallListInput } from "../api/types";

export function useCallLists() {
  return useQuery({ queryKey: ["call-lists"], queryFn: () => api.get<{ items: CallList[] }>("/api/call-lists"), select: (d) => d.items });
}

/** How many companies the criteria select now, before saving. */
export function useCallListPreview(criteria: CallListCriteria, enabled: boolean) {
  return useQuery({
    queryKey: ["call-lists", "preview", criteria],
    queryFn: () => api.post<{ count: number }>("/api/call-lists/preview", { criteria }),
    select: (d) => d.count,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useSaveCallList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CallListInput }) =>
      id === null ? api.post<{ callList: CallList }>("/api/call-lists", body) : api.put<{ callList: CallList }>(`/api/call-lists/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["call-lists"] }),
  });
}

export function useRefreshCallList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ callList: CallList }>(`/api/call-lists/${id}/refresh`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["call-lists"] }),
  });
}
