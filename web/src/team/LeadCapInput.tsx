import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NumberInput } from "@mantine/core";
import type { User } from "../api/types";
import { useSetLeadCap } from "../settings/queries";

/** A sales manager's new leads per day; empty means the team default. Saved when the field is left. */
export function LeadCapInput({ user, defaultCap }: { user: User; defaultCap?: number }) {
  const { t } = useTranslation();
  const save = useSetLeadCap();
  const [value, setValue] = useState<number | string>(user.dailyLeadCap ?? "");
  const commit = () => {
    const next = value === "" ? null : Number(value);
    if (next === (user.dailyLeadCap ?? null) || (next !== null && !Number.isInteger(next))) return;
    save.mutate({ userId: user.id, dailyLeadCap: next });
  };
  return (
    <NumberInput
      size="xs"
      w={90}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      min={0}
      max={1000}
      allowDecimal={false}
      placeholder={defaultCap !== undefined ? String(defaultCap) : undefined}
      aria-label={t("team.dailyCap")}
      error={save.error ? true : undefined}
      rightSection={save.isPending ? "…" : undefined}
      data-testid="user-lead-cap"
    />
  );
}
