import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { CallConsequence, CallingItem, OutcomeInput } from "../api/types";

const CURRENT = ["calling", "current"] as const;

/** The company in front of the caller (kept across reloads by the server's claim). */
export function useCurrentCall() {
  return useQuery({ queryKey: CURRENT, queryFn: () => api.get<{ item: CallingItem | null }>("/api/calling/current"), select: (d) => d.item, staleTime: Infinity });
}

export function useTakeNext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (callListId?: number) => api.post<{ item: CallingItem | null }>("/api/calling/next", callListId ? { callListId } : {}),
    onSuccess: (data) => queryClient.setQueryData(CURRENT, data),
  });
}

/** Logs the outcome and takes the next company in the same request. */
export function useLogOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, body }: { companyId: number; body: OutcomeInput }) =>
      api.post<{ consequence: CallConsequence; next: CallingItem | null }>(`/api/calling/${companyId}/outcome`, { ...body, takeNext: true }),
    onSuccess: (data) => {
      queryClient.setQueryData(CURRENT, { item: data.next });
      void queryClient.invalidateQueries({ queryKey: ["caller-results"] });
      void queryClient.invalidateQueries({ queryKey: ["call-lists"] });
    },
  });
}

export function useRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (companyId: number) => api.post<void>(`/api/calling/${companyId}/release`),
    onSuccess: () => {
      queryClient.setQueryData(CURRENT, { item: null });
      void queryClient.invalidateQueries({ queryKey: ["call-lists"] });
    },
  });
}

/** After a "not in front of you" refusal: the claim expired or was taken; ask the server what is current. */
export function useForgetCurrent() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: CURRENT });
}
