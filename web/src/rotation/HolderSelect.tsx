import { useTranslation } from "react-i18next";
import { Select } from "@mantine/core";
import { useTeam } from "../companies/queries";
import { commonRole, type RotationTarget } from "./targets";

/** "auto": whom the rule picks (the suggested person, or the server's pick at the moment of the decision). */
export const AUTO = "auto";

/** Whether the rule may pick for every target: it has somebody, or it has not been asked yet. */
export const ruleCanPick = (targets: readonly RotationTarget[]) => targets.every((t) => t.suggested !== null);

/**
 * Who takes the client(s): the suggested person preselected, or another active person of the
 * tier's role (the holder being replaced is not offered).
 */
export function HolderSelect({
  targets,
  value,
  onChange,
  label,
  description,
  autoAlways = false,
  enabled,
  testId,
}: {
  targets: readonly RotationTarget[];
  value: string | null;
  onChange(value: string | null): void;
  label: string;
  description?: string;
  /** The rule's pick may be left for later (a rest: the rule picks again when it ends). */
  autoAlways?: boolean;
  enabled: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const role = commonRole(targets);
  const team = useTeam(role ?? undefined, enabled && role !== null);
  const holders = new Set(targets.map((x) => x.holder.id));
  const people = role === null ? [] : (team.data ?? []).filter((u) => u.role === role && u.active && !holders.has(u.id));
  const single = targets.length === 1 ? targets[0] : undefined;
  const autoLabel = single?.suggested
    ? t("rotation.person.suggested", { name: single.suggested.fullName })
    : single
      ? autoAlways && single.suggested === null
        ? t("rotation.person.atRestEnd")
        : t("rotation.person.byRule")
      : t("rotation.person.suggestedEach");
  const withAuto = autoAlways || ruleCanPick(targets);
  const data = [...(withAuto ? [{ value: AUTO, label: autoLabel }] : []), ...people.map((u) => ({ value: String(u.id), label: u.fullName }))];
  return (
    <Select
      label={label}
      description={description ?? (role === null ? t("rotation.person.mixedTiers") : undefined)}
      placeholder={role ? t(`role.${role}`) : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      allowDeselect={false}
      required
      nothingFoundMessage={t("common.nothingFound")}
      data-testid={testId}
    />
  );
}
