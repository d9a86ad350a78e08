import { useTranslation } from "react-i18next";
import { Badge } from "@mantine/core";
import type { CommissionKind } from "./types";

const COLOR: Record<CommissionKind, string> = { converted_lead: "blue", first_sale: "teal", repeat_sale: "grape" };

/** What a line was earned for: a converted lead (tier 1), a first sale (tier 2), a repeat sale (tier 3). */
export function KindBadge({ kind }: { kind: CommissionKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[kind]} size="sm" radius="sm" styles={{ root: { overflow: "visible" }, label: { overflow: "visible" } }} data-testid="commission-kind" data-kind={kind}>
      {t(`commissions.kind.${kind}`)}
    </Badge>
  );
}
