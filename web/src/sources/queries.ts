import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { User } from "../api/types";
import { browsesWholeBase, managesSources, mayCreateCompany } from "../auth/permissions";
import type { IntakeOutcome, IntakeRow, LeadSource, SourceInput, SourceOption } from "./types";

/** Who picks a source (adding a company) or filters by one (browsing the base); mirrors maySeeSourceOptions. */
export const picksSources = (user: User) => mayCreateCompany(user) || browsesWholeBase(user);

/** The active sources, by name. */
export function useSourceOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["sources", "options"],
    queryFn: () => api.get<{ items: SourceOption[] }>("/api/sources/options"),
    enabled,
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}

/**
 * Sources to filter the whole base by: the head gets switched-off ones too (their companies are
 * still there), the back office the active ones; a tier worker none (they filter what they hold).
 */
export function useFilterSources(user: User): { id: number; name: string }[] | undefined {
  const all = useSources(managesSources(user));
  const active = useSourceOptions(browsesWholeBase(user) && !managesSources(user));
  if (managesSources(user)) return all.data;
  return browsesWholeBase(user) ? active.data : undefined;
}

/** The head: every source; anyone else: the sources they own. */
export function useSources(enabled = true) {
  return useQuery({
    queryKey: ["sources", "list"],
    queryFn: () => api.get<{ items: LeadSource[] }>("/api/sources"),
    enabled,
    select: (data) => data.items,
  });
}

export function useIntakes(sourceId: number | null, outcome: IntakeOutcome | null, page: number) {
  return useQuery({
    queryKey: ["sources", "intakes", sourceId, outcome, page],
    queryFn: () => api.get<{ items: IntakeRow[]; hasMore: boolean }>(`/api/sources/${sourceId}/intakes`, { outcome, page }),
    enabled: sourceId !== null,
    placeholderData: keepPreviousData,
  });
}

function useSourcesChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ["sources"] });
}

export function useSaveSource() {
  const changed = useSourcesChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<SourceInput> }) =>
      id === null ? api.post<{ source: LeadSource }>("/api/sources", body) : api.patch<{ source: LeadSource }>(`/api/sources/${id}`, body),
    onSuccess: changed,
  });
}

export function useRotateIntakeToken() {
  const changed = useSourcesChanged();
  return useMutation({
    mutationFn: (id: number) => api.post<{ token: string }>(`/api/sources/${id}/intake-token`),
    onSuccess: changed,
  });
}

export function useDisableIntake() {
  const changed = useSourcesChanged();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/sources/${id}/intake-token`),
    onSuccess: changed,
  });
}
