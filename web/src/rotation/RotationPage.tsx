import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconCalendarStats, IconClipboardList, IconClockPause, IconScale, IconSkull } from "@tabler/icons-react";
import { decidesRotation } from "../auth/permissions";
import { useUser } from "../auth/session";
import { Forbidden } from "../layout/StatePage";
import { DeadClientsTab } from "./DeadClientsTab";
import { QualityTab } from "./QualityTab";
import { RestingTab } from "./RestingTab";
import { SalesPeriodTab } from "./SalesPeriodTab";

const TABS = ["dead", "resting", "period", "quality"] as const;
type RotationTab = (typeof TABS)[number];
const TAB_ICONS = { dead: IconSkull, resting: IconClockPause, period: IconCalendarStats, quality: IconScale } as const;

/** The head's rotation of dead clients: the list to decide on, the resting clients, the sales period behind the terms, the quality signal. */
export function RotationPage() {
  const user = useUser();
  if (!decidesRotation(user)) return <Forbidden />;
  return <Rotation />;
}

function Rotation() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab: RotationTab = (TABS as readonly string[]).includes(asked ?? "") ? (asked as RotationTab) : "dead";
  const page = Math.max(0, Number(params.get("page") ?? 1) - 1 || 0);
  const holderId = Number(params.get("holder")) || undefined;

  const change = (patch: Record<string, string | undefined>, replace = true) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!("page" in patch)) next.delete("page");
        return next;
      },
      { replace },
    );

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz={24}>
            {t("rotation.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("rotation.subtitle")}
          </Text>
        </Stack>
        <Button component={Link} to="/weekly-reports" variant="default" leftSection={<IconClipboardList size={16} />} data-testid="rotation-to-reports">
          {t("nav.weeklyReports")}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => change({ tab: v && v !== "dead" ? v : undefined, holder: undefined })}>
        <Tabs.List>
          {TABS.map((key) => {
            const Icon = TAB_ICONS[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`rotation-tab-${key}`}>
                {t(`rotation.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {tab === "dead" ? (
        <DeadClientsTab
          page={page}
          holderId={holderId}
          onPage={(p) => change({ page: p > 0 ? String(p + 1) : undefined }, false)}
          onHolder={(id) => change({ holder: id ? String(id) : undefined })}
        />
      ) : tab === "resting" ? (
        <RestingTab />
      ) : tab === "period" ? (
        <SalesPeriodTab />
      ) : (
        <QualityTab />
      )}
    </Stack>
  );
}
