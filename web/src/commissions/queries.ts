import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { CommissionRule, CommissionRules, CommissionStatement, CommissionSummary, NewCommissionRule } from "./types";

const KEY = ["commissions"] as const;

export function useCommissionRules() {
  return useQuery({ queryKey: [...KEY, "rules"], queryFn: ({ signal }) => api.get<CommissionRules>("/api/commission-rules", undefined, signal) });
}

/** A month's figures per person (a salesperson gets only their own). */
export function useCommissionSummary(month: string, enabled = true) {
  return useQuery({
    queryKey: [...KEY, "summary", month],
    queryFn: ({ signal }) => api.get<CommissionSummary>("/api/commissions", { month }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The lines behind one person's month. */
export function useCommissionStatement(userId: number | null, month: string) {
  return useQuery({
    queryKey: [...KEY, "statement", userId, month],
    queryFn: ({ signal }) => api.get<CommissionStatement>(`/api/commissions/${userId}`, { month }, signal),
    placeholderData: keepPreviousData,
    enabled: userId !== null,
  });
}

export function useAddCommissionRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCommissionRule) => api.post<{ rule: CommissionRule }>("/api/commission-rules", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useWithdrawCommissionRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/commission-rules/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
