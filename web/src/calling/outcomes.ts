import { IconBan, IconClockHour4, IconHelpCircle, IconMailForward, IconPhoneOff, IconPhoneX, IconStar, IconUserQuestion, IconX } from "@tabler/icons-react";
import { CALLER_OUTCOMES, type CallerOutcome } from "../../../src/domain/calling";

export { CALLER_OUTCOMES, type CallerOutcome };

/** What the caller must add before an outcome can be logged (the server refuses it otherwise). */
export type OutcomeNeeds = "nothing" | "callbackAt" | "reason" | "qualification" | "question";

export interface OutcomeLook {
  /** The key that logs it (1–9), shown on the button. */
  key: string;
  needs: OutcomeNeeds;
  color: string;
  icon: typeof IconX;
}

export const OUTCOME_LOOK: Record<CallerOutcome, OutcomeLook> = {
  no_answer: { key: "1", needs: "nothing", color: "gray", icon: IconPhoneOff },
  secretary: { key: "2", needs: "nothing", color: "gray", icon: IconUserQuestion },
  callback: { key: "3", needs: "callbackAt", color: "blue", icon: IconClockHour4 },
  sent_info: { key: "4", needs: "callbackAt", color: "cyan", icon: IconMailForward },
  wrong_number: { key: "5", needs: "nothing", color: "orange", icon: IconPhoneX },
  not_target: { key: "6", needs: "nothing", color: "orange", icon: IconBan },
  not_interested: { key: "7", needs: "reason", color: "red", icon: IconX },
  interested: { key: "8", needs: "qualification", color: "teal", icon: IconStar },
  hard_question: { key: "9", needs: "question", color: "grape", icon: IconHelpCircle },
};

export const outcomeByKey = (key: string): CallerOutcome | undefined => CALLER_OUTCOMES.find((o) => OUTCOME_LOOK[o].key === key);

export const isCallerOutcome = (value: unknown): value is CallerOutcome => typeof value === "string" && (CALLER_OUTCOMES as readonly string[]).includes(value);
