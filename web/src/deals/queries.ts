import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Company, Deal, PostponeReason, WinInput } from "../api/types";

export function useDeals(companyId: number, enabled = true) {
  return useQuery({
    queryKey: ["deals", companyId],
    queryFn: () => api.get<{ items: Deal[] }>(`/api/companies/${companyId}/deals`),
    select: (d) => d.items,
    enabled,
    retry: false,
  });
}

/** After any change to a deal: the company's deals, card and timeline, the queue and the lists. */
function useDealChanged(companyId: number) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [["deals", companyId], ["company", companyId], ["timeline", companyId], ["queue"], ["overdue"], ["companies"], ["promises"], ["handovers"]]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useOpenDeal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: (body: { stage?: string; amountMinor?: number; currency?: string }) => api.post<{ deal: Deal }>(`/api/companies/${companyId}/deals`, body),
    onSuccess: changed,
  });
}

export function useMoveDeal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: ({ dealId, stage }: { dealId: number; stage: string }) => api.post<{ deal: Deal }>(`/api/deals/${dealId}/stage`, { stage }),
    onSuccess: changed,
  });
}

export function useLoseDeal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: ({ dealId, reason }: { dealId: number; reason: string }) => api.post<{ deal: Deal }>(`/api/deals/${dealId}/lose`, { reason }),
    onSuccess: changed,
  });
}

export function usePostponeDeal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: ({ dealId, ...body }: { dealId: number; category: PostponeReason; note: string; until: string }) => api.post<{ deal: Deal }>(`/api/deals/${dealId}/postpone`, body),
    onSuccess: changed,
  });
}

export interface ProposalInput {
  amountMinor: number;
  currency: string;
  sentOn: string;
  documentUrl?: string;
  note?: string;
}

export function useAddProposal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: ({ dealId, ...body }: ProposalInput & { dealId: number }) => api.post<{ deal: Deal }>(`/api/deals/${dealId}/proposals`, body),
    onSuccess: changed,
  });
}

export function useWinDeal(companyId: number) {
  const changed = useDealChanged(companyId);
  return useMutation({
    mutationFn: ({ dealId, ...body }: WinInput & { dealId: number }) => api.post<{ deal: Deal; company: Company }>(`/api/deals/${dealId}/win`, body),
    onSuccess: changed,
  });
}
