import { IconArchive, IconCalendarPlus, IconClockPause, IconUserShare } from "@tabler/icons-react";
import type { DecisionKind } from "./targets";

export const DECISION_ICONS: Record<DecisionKind, typeof IconArchive> = {
  extend: IconCalendarPlus,
  transfer_now: IconUserShare,
  transfer_after_rest: IconClockPause,
  archive: IconArchive,
};
