import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { Language, Role, User } from "../api/types";

/** A person as the team directory shows them: with the sales team they work in. */
export type TeamMember = User & { team?: string | null };

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  password: string;
  language: Language;
  team: string | null;
}

export type UserPatch = Partial<Pick<TeamMember, "fullName" | "role" | "active" | "language" | "team">> & { password?: string };

export function useTeamDirectory() {
  return useQuery({
    queryKey: ["users", { includeInactive: true }],
    queryFn: () => api.get<{ items: TeamMember[] }>("/api/users", { includeInactive: true }),
    select: (data) => data.items,
  });
}

/** The team names in use, for suggestions and the dashboard's filter. */
export function useTeamNames() {
  return useQuery({
    queryKey: ["users", "teams"],
    queryFn: () => api.get<{ items: string[] }>("/api/users/teams"),
    select: (data) => data.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api.post<{ user: User }>("/api/users", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) => api.patch<{ user: User }>(`/api/users/${id}`, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
