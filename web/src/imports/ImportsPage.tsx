import { useTranslation } from "react-i18next";
import { Stack, Text, Title } from "@mantine/core";
import { managesImports } from "../auth/permissions";
import { useUser } from "../auth/session";
import { Forbidden } from "../layout/StatePage";
import { ImportHistory } from "./ImportHistory";
import { ImportWizard } from "./ImportWizard";
import { useImportWizard } from "./wizard";

/** Bringing a client base in: the head (or the admin) uploads a CSV or XLSX, checks how it reads and maps, tries it, runs it. */
export function ImportsPage() {
  const user = useUser();
  if (!managesImports(user)) return <Forbidden />;
  return <Imports />;
}

function Imports() {
  const { t } = useTranslation();
  const [state, dispatch] = useImportWizard();
  return (
    <Stack gap="lg" maw={1300}>
      <Stack gap={2}>
        <Title order={2} fz={24}>
          {t("imports.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("imports.subtitle")}
        </Text>
      </Stack>
      <ImportWizard state={state} dispatch={dispatch} />
      <ImportHistory
        onFollow={(id) => {
          dispatch({ type: "follow", id });
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
    </Stack>
  );
}
