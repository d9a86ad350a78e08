import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconCopy, IconKey, IconPlugConnectedX, IconRefresh } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { curlExample } from "./kinds";
import { useDisableIntake, useRotateIntakeToken } from "./queries";
import type { LeadSource } from "./types";

function Copy({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" color={copied ? "teal" : "blue"} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} data-testid={testId}>
          {copied ? t("sources.intake.copied") : label}
        </Button>
      )}
    </CopyButton>
  );
}

/**
 * The head connects a web form or partner: a token made here is shown once (only its hash is
 * kept), with a ready `curl` call; rotating it cuts the old one off at once; switching off
 * stops all posts.
 */
export function IntakePanel({ source }: { source: LeadSource }) {
  const { t } = useTranslation();
  const rotate = useRotateIntakeToken();
  const disable = useDisableIntake();
  const [token, setToken] = useState<string | null>(null);
  /** Rotating or switching off cuts a live integration: asked once more before it happens. */
  const [confirming, setConfirming] = useState<"rotate" | "disable" | null>(null);
  const example = token ? curlExample(window.location.origin, token) : "";

  const issue = () => rotate.mutate(source.id, { onSuccess: ({ token: fresh }) => setToken(fresh), onSettled: () => setConfirming(null) });
  const switchOff = () => disable.mutate(source.id, { onSuccess: () => setToken(null), onSettled: () => setConfirming(null) });

  return (
    <Paper withBorder radius="md" p="md" data-testid="intake-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <IconKey size={18} color="var(--mantine-color-dimmed)" />
            <Title order={4} fz="md">
              {t("sources.intake.title")}
            </Title>
            <Badge variant="light" color={source.intake.enabled ? "teal" : "gray"} radius="sm" data-testid="intake-state">
              {source.intake.enabled ? t("sources.intake.on") : t("sources.intake.off")}
            </Badge>
          </Group>
          <Group gap="xs">
            {source.intake.enabled ? (
              <>
                <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => setConfirming("rotate")} data-testid="intake-rotate">
                  {t("sources.intake.rotate")}
                </Button>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconPlugConnectedX size={14} />} onClick={() => setConfirming("disable")} data-testid="intake-disable">
                  {t("sources.intake.disable")}
                </Button>
              </>
            ) : (
              <Button size="xs" leftSection={<IconKey size={14} />} onClick={issue} loading={rotate.isPending} disabled={!source.active} data-testid="intake-enable">
                {t("sources.intake.enable")}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t("sources.intake.explain", { limit: source.intake.hourlyLimit })}
        </Text>
        {!source.active ? (
          <Text size="sm" c="orange">
            {t("sources.intake.sourceOff")}
          </Text>
        ) : null}
        {confirming ? (
          <Alert color={confirming === "rotate" ? "orange" : "red"} variant="light" data-testid="intake-confirm">
            <Stack gap="xs">
              <Text size="sm">{confirming === "rotate" ? t("sources.intake.rotateText") : t("sources.intake.disableText")}</Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  color={confirming === "rotate" ? "orange" : "red"}
                  loading={rotate.isPending || disable.isPending}
                  onClick={confirming === "rotate" ? issue : switchOff}
                  data-testid="intake-confirm-yes"
                >
                  {confirming === "rotate" ? t("sources.intake.rotate") : t("sources.intake.disable")}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                  {t("common.cancel")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <ErrorAlert error={rotate.error ?? disable.error} />
        {token ? (
          <Alert color="teal" variant="light" title={t("sources.intake.tokenTitle")} data-testid="intake-token">
            <Stack gap="xs">
              <Text size="sm">{t("sources.intake.tokenOnce")}</Text>
              <Group gap="xs" wrap="nowrap" align="center">
                <Code style={{ overflowWrap: "anywhere" }} data-testid="intake-token-value">
                  {token}
                </Code>
                <Copy value={token} label={t("sources.intake.copyToken")} testId="intake-copy-token" />
              </Group>
              <Text size="sm" fw={600} mt={4}>
                {t("sources.intake.example")}
              </Text>
              <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="intake-curl">
                {example}
              </Code>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t("sources.intake.fields")}
                </Text>
                <Copy value={example} label={t("sources.intake.copyExample")} testId="intake-copy-example" />
              </Group>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
