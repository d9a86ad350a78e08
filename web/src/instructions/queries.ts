import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Instruction } from "../api/types";

export function useInstructions(enabled = true) {
  return useQuery({
    queryKey: ["instructions"],
    queryFn: () => api.get<{ items: Instruction[] }>("/api/instructions"),
    select: (d) => d.items,
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveInstruction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title, body }: { id: number | null; title: string; body: string }) =>
      id === null
        ? api.post<{ instruction: Instruction }>("/api/instructions", { title, body })
        : api.put<{ instruction: Instruction }>(`/api/instructions/${id}`, { title, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["instructions"] }),
  });
}
