import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Grid, Group, Stack } from "@mantine/core";
import { useWindowEvent } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { ApiError } from "../api/client";
import type { CallConsequence, CallingItem, OutcomeInput } from "../api/types";
import { ContactList } from "../companies/ContactList";
import { formatDateTime } from "../i18n/format";
import { walkScript } from "../scripts/walk";
import { CompanyHeader } from "./CompanyHeader";
import { isTyping } from "./keys";
import { OutcomePanel } from "./OutcomePanel";
import { isCallerOutcome } from "./outcomes";
import { useForgetCurrent, useLogOutcome } from "./queries";
import { answerKey, ScriptRunner } from "./ScriptRunner";
import { RecentHistory } from "./RecentHistory";

/**
 * One company in front of the caller: who it is, whom to dial, what happened before, the script
 * step by step, and how the call ended. Logging the outcome brings the next company at once.
 */
export function CallWorkspace({ item, onLogged }: { item: CallingItem; onLogged(next: CallingItem | null): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>([]);
  const log = useLogOutcome();
  const forget = useForgetCurrent();
  const script = item.script;
  const position = script ? walkScript(script.body, path) : null;
  const preset = isCallerOutcome(position?.outcome) ? position.outcome : null;
  const decisionMaker = item.contacts.find((c) => c.decisionMaker);

  useWindowEvent("keydown", (event) => {
    if (!position?.current || isTyping(event)) return;
    const index = position.current.answers.findIndex((_, i) => answerKey(i) === event.key.toLowerCase());
    const answer = position.current.answers[index];
    if (answer) {
      event.preventDefault();
      setPath([...path, answer.id]);
    }
  });

  const describe = (c: CallConsequence) => {
    switch (c.kind) {
      case "retry":
        return t("calling.consequence.retry", { at: formatDateTime(c.at) });
      case "callback":
        return t("calling.consequence.callback", { at: formatDateTime(c.at) });
      case "drop":
        return t("calling.consequence.drop");
      case "hand_over":
        return c.escalated ? t("calling.consequence.escalated", { name: c.toName ?? "—" }) : t("calling.consequence.handOver", { name: c.toName ?? "—" });
    }
  };

  const submit = (body: OutcomeInput) => {
    const withScript: OutcomeInput = script ? { ...body, scriptVersionId: script.versionId, ...(path.length ? { answers: path } : {}) } : body;
    log.mutate(
      { companyId: item.company.id, body: withScript },
      {
        onSuccess: ({ consequence, next }) => {
          notifications.show({
            color: consequence.kind === "hand_over" ? "teal" : consequence.kind === "drop" ? "gray" : "blue",
            title: item.company.legalName,
            message: describe(consequence),
            autoClose: 3500,
          });
          onLogged(next);
        },
      },
    );
  };

  const gone = log.error instanceof ApiError && log.error.code === "not_in_front_of_you";

  return (
    <Grid gap="md" data-testid="call-workspace">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <CompanyHeader item={item} />
          {script ? <ScriptRunner script={script} path={path} onChange={setPath} /> : null}
          <OutcomePanel preset={preset} decisionMakerHint={decisionMaker?.fullName ?? ""} pending={log.isPending} error={log.error} onSubmit={submit} />
          {gone ? (
            <Group>
              <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={forget}>
                {t("calling.takeCurrent")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <ContactList companyId={item.company.id} contacts={item.contacts} canEdit={false} />
          <RecentHistory items={item.recent} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
