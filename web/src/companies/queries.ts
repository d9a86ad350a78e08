import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type {
  Activity,
  ActivityLogKind,
  Company,
  CompanyCard,
  CompanyInput,
  Contact,
  ContactInput,
  Facets,
  Page,
  Role,
  TimelinePage,
  User,
} from "../api/types";

export const PAGE_SIZE = 50;
const TIMELINE_PAGE = 30;

export interface CompanyFilter {
  q?: string;
  stage?: string;
  industry?: string;
  region?: string;
  sourceId?: string;
  size?: string;
  page: number;
}

export function useCompanies(filter: CompanyFilter) {
  const { page, ...rest } = filter;
  return useQuery({
    queryKey: ["companies", filter],
    queryFn: ({ signal }) => api.get<Page<Company>>("/api/companies", { ...rest, limit: PAGE_SIZE, offset: page * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFacets(enabled: boolean) {
  return useQuery({
    queryKey: ["facets"],
    queryFn: () => api.get<Facets>("/api/companies/facets"),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCompanyCard(id: number) {
  return useQuery({ queryKey: ["company", id], queryFn: () => api.get<CompanyCard>(`/api/companies/${id}`), retry: false });
}

export function useTimeline(id: number) {
  return useInfiniteQuery({
    queryKey: ["timeline", id],
    queryFn: ({ pageParam }) => api.get<TimelinePage>(`/api/companies/${id}/timeline`, { limit: TIMELINE_PAGE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useTeam(role?: Role, enabled = true) {
  return useQuery({
    queryKey: ["users", { role: role ?? null }],
    queryFn: () => api.get<{ items: User[] }>("/api/users", { role }),
    enabled,
    select: (data) => data.items,
  });
}

/** After any change to a company: its card, its timeline and the lists that show it. */
function useCompanyChanged() {
  const queryClient = useQueryClient();
  return (companyId: number) => {
    void queryClient.invalidateQueries({ queryKey: ["company", companyId] });
    void queryClient.invalidateQueries({ queryKey: ["timeline", companyId] });
    void queryClient.invalidateQueries({ queryKey: ["companies"] });
    void queryClient.invalidateQueries({ queryKey: ["facets"] });
  };
}

export function useCreateCompany() {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: (body: CompanyInput & { contacts: ContactInput[] }) => api.post<{ company: Company }>("/api/companies", body),
    onSuccess: ({ company }) => changed(company.id),
  });
}

export function useUpdateCompany(id: number) {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: (body: Partial<CompanyInput> & { doNotCall?: boolean }) => api.patch<{ company: Company }>(`/api/companies/${id}`, body),
    onSuccess: () => changed(id),
  });
}

export function useSaveContact(companyId: number) {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ContactInput }) =>
      id
        ? api.patch<{ contact: Contact }>(`/api/contacts/${id}`, body)
        : api.post<{ contact: Contact }>(`/api/companies/${companyId}/contacts`, body),
    onSuccess: () => changed(companyId),
  });
}

export function useLogActivity(companyId: number) {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: (body: { kind: ActivityLogKind; text: string; outcome?: string }) =>
      api.post<{ activity: Activity }>(`/api/companies/${companyId}/activities`, body),
    onSuccess: () => changed(companyId),
  });
}

export function useHandOff(companyId: number) {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: (body: { toUserId: number; note?: string; fromStage?: string }) =>
      api.post<{ company: Company }>(`/api/companies/${companyId}/handoff`, body),
    onSuccess: () => changed(companyId),
  });
}

export function useAssignHolder(companyId: number) {
  const changed = useCompanyChanged();
  return useMutation({
    mutationFn: (body: { userId: number; note?: string }) => api.post<{ company: Company }>(`/api/companies/${companyId}/holder`, body),
    onSuccess: () => changed(companyId),
  });
}
