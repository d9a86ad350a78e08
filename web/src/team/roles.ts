import type { Role } from "../api/types";

export const ROLE_COLORS: Record<Role, string> = {
  admin: "red",
  head: "violet",
  caller: "blue",
  manager: "orange",
  account_manager: "teal",
  back_office: "gray",
};
