import { useTranslation } from "react-i18next";
import { Badge, Tooltip } from "@mantine/core";
import type { TFunction } from "i18next";
import type { Company, ReorderStatus, RfmSegment, User } from "../api/types";
import { browsesWholeBase } from "../auth/permissions";

/** Segment colours: green for the best, warm for those slipping away, grey for the quiet ones. */
export const SEGMENT_COLORS: Record<RfmSegment, string> = {
  champions: "teal",
  loyal: "green",
  potential: "cyan",
  new: "blue",
  at_risk: "orange",
  cant_lose: "red",
  hibernating: "yellow",
  lost: "gray",
  no_purchases: "gray",
};

export const segmentLabel = (t: TFunction, segment: RfmSegment) => t(`segments.label.${segment}`);
/** "good buyers slipping: win them back" — what the segment means and what to do. */
export const segmentAdvice = (t: TFunction, segment: RfmSegment) => t(`segments.advice.${segment}`);

export function SegmentBadge({ segment, size = "sm" }: { segment: RfmSegment; size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={`${segmentLabel(t, segment)} — ${segmentAdvice(t, segment)}`} multiline maw={320} withArrow>
      <Badge color={SEGMENT_COLORS[segment]} variant={segment === "lost" || segment === "no_purchases" ? "outline" : "light"} size={size} radius="sm" miw="fit-content" data-testid="segment-badge" data-segment={segment}>
        {segmentLabel(t, segment)}
      </Badge>
    </Tooltip>
  );
}

/** "Remind" when the expected day is near, "Overdue to buy" after it; nothing otherwise. */
export function ReorderBadge({ status }: { status: ReorderStatus }) {
  const { t } = useTranslation();
  if (status !== "due" && status !== "overdue") return null;
  return (
    <Badge color={status === "overdue" ? "red" : "yellow"} variant={status === "overdue" ? "filled" : "light"} size="sm" radius="sm" miw="fit-content" data-testid="reorder-badge" data-status={status}>
      {t(`accounts.reorder.${status}`)}
    </Badge>
  );
}

/** 0.714 -> 71 */
export const percent = (share: number) => Math.round(share * 100);

/** "today", "yesterday", "12 days ago". */
export function daysAgo(t: TFunction, days: number): string {
  if (days <= 0) return t("accounts.today");
  if (days === 1) return t("accounts.yesterday");
  return t("accounts.daysAgo", { days });
}

/**
 * A customer's purchases, dates and segment are read by its account manager (holding it in tier 3),
 * the back office and the head — as the server's `mayReadAccount`.
 */
export const readsAccount = (user: User, company: Company) =>
  company.stage === "customer" && (browsesWholeBase(user) || (company.holder?.userId === user.id && company.holder.tier === 3));
