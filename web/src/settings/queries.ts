import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Absence, User } from "../api/types";
import type { TeamRules } from "./types";

export function useTeamSettings() {
  return useQuery({ queryKey: ["settings"], queryFn: () => api.get<{ settings: TeamRules }>("/api/settings"), select: (d) => d.settings, staleTime: 5 * 60_000 });
}

export function useSaveTeamSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TeamRules) => api.put<{ settings: TeamRules }>("/api/settings", { settings }),
    onSuccess: (data) => queryClient.setQueryData(["settings"], data),
  });
}

export function useAbsences(enabled = true) {
  return useQuery({ queryKey: ["absences"], queryFn: () => api.get<{ items: Absence[] }>("/api/absences"), select: (d) => d.items, enabled });
}

export function useAddAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: number; startsOn: string; endsOn: string; note?: string }) => api.post<{ absence: Absence }>(`/api/users/${userId}/absences`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["absences"] }),
  });
}

export function useSetLeadCap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, dailyLeadCap }: { userId: number; dailyLeadCap: number | null }) => api.patch<{ user: User }>(`/api/users/${userId}`, { dailyLeadCap }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
