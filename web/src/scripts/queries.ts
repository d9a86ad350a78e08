import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Script, ScriptBody, ScriptVersion } from "../api/types";

export function useScripts(enabled = true) {
  return useQuery({ queryKey: ["scripts"], queryFn: () => api.get<{ items: Script[] }>("/api/scripts"), select: (d) => d.items, enabled });
}

export function useScriptVersions(id: number | null) {
  return useQuery({
    queryKey: ["scripts", id, "versions"],
    queryFn: () => api.get<{ items: ScriptVersion[] }>(`/api/scripts/${id}/versions`),
    select: (d) => d.items,
    enabled: id !== null,
  });
}

/** Creates a script, or saves an existing one as its next version. */
export function useSaveScript() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name, body }: { id: number | null; name: string; body: ScriptBody }) =>
      id === null ? api.post<{ script: Script }>("/api/scripts", { name, body }) : api.put<{ script: Script }>(`/api/scripts/${id}`, { name, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["scripts"] }),
  });
}
