import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, NumberInput, Select } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { CURRENCIES } from "../deals/stages";
import { toMinor } from "../i18n/format";
import { monthLabel, monthsBetween, monthStartLabel, shiftMonth } from "./months";
import { useAddCommissionRule } from "./queries";
import type { Tier } from "./types";

/** A new rule for a tier from a month: tier 1 an amount per converted lead, tiers 2 and 3 a percentage. */
export function RuleForm({ tier, current, taken }: { tier: Tier; current: string; taken: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const add = useAddCommissionRule();
  // "6,5" is six and a half in ru and uk: a pasted or typed comma must not become 65.
  const decimalSeparator = i18n.language === "en" ? "." : ",";
  // Past months only for a tier's first rule (setting up over history already in the base): a later
  // change starts this month or ahead, so months already counted, and maybe paid, stay as they were.
  const earliest = taken.length === 0 ? shiftMonth(current, -12) : current;
  const months = monthsBetween(earliest, shiftMonth(current, 12)).filter((m) => !taken.includes(m));
  // The first free month after this one: rules are usually set ahead.
  const fallback = [...months].reverse().find((m) => m > current) ?? months[0] ?? shiftMonth(current, 1);
  const [picked, setMonth] = useState<string>(fallback);
  // A month just given a rule leaves the list: the picker moves on rather than show a month it cannot take.
  const month = months.includes(picked) ? picked : fallback;
  const [value, setValue] = useState<number | string>("");
  const [currency, setCurrency] = useState<string>("UAH");
  const perLead = tier === 1;
  const amountMinor = perLead ? toMinor(value) : null;
  const percent = !perLead && value !== "" ? Number(value) : null;
  const ready = perLead ? amountMinor !== null : percent !== null && Number.isFinite(percent) && percent >= 0 && percent <= 100;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    add.mutate(perLead ? { tier, effectiveFrom: month, amountMinor: amountMinor!, currency } : { tier, effectiveFrom: month, ratePercent: percent! }, {
      onSuccess: () => {
        setValue("");
        notifications.show({ color: "teal", message: t("commissions.ruleAdded", { date: monthStartLabel(month) }) });
      },
    });
  };

  return (
    <form onSubmit={submit} data-testid={`commission-rule-form-${tier}`}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("commissions.fromMonth")}
          data={months.map((m) => ({ value: m, label: m === current ? `${monthLabel(m)} · ${t("commissions.thisMonth")}` : monthLabel(m) }))}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
          w={230}
          data-testid={`commission-rule-month-${tier}`}
        />
        {perLead ? (
          <>
            <NumberInput label={t("commissions.amountPerLead")} value={value} onChange={setValue} min={0} decimalScale={2} decimalSeparator={decimalSeparator} thousandSeparator=" " w={170} data-testid={`commission-rule-value-${tier}`} />
            <Select label={t("commissions.currency")} data={[...CURRENCIES]} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} w={100} />
          </>
        ) : (
          <NumberInput label={t("commissions.ratePercent")} value={value} onChange={setValue} min={0} max={100} decimalScale={2} decimalSeparator={decimalSeparator} suffix=" %" w={170} data-testid={`commission-rule-value-${tier}`} />
        )}
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!ready} data-testid={`commission-rule-add-${tier}`}>
          {t("commissions.addRule")}
        </Button>
      </Group>
      {add.error ? <ErrorAlert error={add.error} withFields={false} /> : null}
    </form>
  );
}
