import { useTranslation } from "react-i18next";
import { Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { useTeamNames } from "../team/queries";
import { PRESETS, type Preset } from "./period";

export interface FilterState {
  preset: Preset;
  from: string;
  to: string;
  team: string | null;
}

/** The period (a preset or two days) and the team every panel is cut by. */
export function DashboardFilterBar({ value, onChange }: { value: FilterState; onChange(next: Partial<FilterState>): void }) {
  const { t } = useTranslation();
  const teams = useTeamNames();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="dashboard-filter">
      <SegmentedControl
        size="xs"
        value={value.preset}
        onChange={(preset) => onChange({ preset: preset as Preset })}
        data={PRESETS.map((p) => ({ value: p, label: t(`dashboard.preset.${p}`) }))}
        data-testid="dashboard-period"
      />
      {value.preset === "custom" ? (
        <>
          <TextInput
            type="date"
            size="xs"
            label={t("dashboard.from")}
            value={value.from}
            max={value.to}
            onChange={(e) => e.currentTarget.value && onChange({ from: e.currentTarget.value })}
            w={150}
            data-testid="dashboard-from"
          />
          <TextInput
            type="date"
            size="xs"
            label={t("dashboard.to")}
            value={value.to}
            min={value.from}
            onChange={(e) => e.currentTarget.value && onChange({ to: e.currentTarget.value })}
            w={150}
            data-testid="dashboard-to"
          />
        </>
      ) : null}
      <Select
        size="xs"
        w={200}
        placeholder={t("dashboard.allTeams")}
        aria-label={t("dashboard.team")}
        data={teams.data ?? []}
        value={value.team}
        onChange={(team) => onChange({ team })}
        clearable
        data-testid="dashboard-team"
      />
    </Group>
  );
}
