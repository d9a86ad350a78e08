import type { MantineColor } from "@mantine/core";
import type { IntakeOutcome } from "./types";

/** How each intake outcome reads at a glance: accepted is good news, the rest count against the source. */
export const OUTCOME_COLORS: Record<IntakeOutcome, MantineColor> = {
  accepted: "teal",
  duplicate: "orange",
  invalid: "red",
  rate_limited: "grape",
};

/** Currencies offered for a lead's cost (any ISO code is accepted by the server). */
export const CURRENCIES = ["UAH", "RUB", "USD", "EUR", "KZT", "PLN"] as const;

/** What an integration posts: the example shown with a fresh token. */
export function curlExample(origin: string, token: string): string {
  const body = JSON.stringify({ legalName: "Horizon Trade LLC", contactName: "Olena Bondar", phone: "+380671234567", email: "olena@example.com", comment: "Wants a quote" });
  return [
    `curl -X POST ${origin}/api/intake/leads \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join("\n");
}
