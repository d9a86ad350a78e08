import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Accordion, Center, Drawer, Loader, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { ErrorAlert } from "../common/ErrorAlert";
import { useInstructions } from "../instructions/queries";

/** "What to do when…" pages, readable mid-call without leaving the company. */
export function InstructionsDrawer({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const instructions = useInstructions(opened);
  const [q, setQ] = useState("");
  const needle = q.trim().toLowerCase();
  const items = (instructions.data ?? []).filter((i) => !needle || i.title.toLowerCase().includes(needle) || i.body.toLowerCase().includes(needle));

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={<Text fw={650}>{t("instructions.title")}</Text>} data-testid="instructions-drawer">
      <TextInput leftSection={<IconSearch size={14} />} placeholder={t("instructions.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} mb="sm" size="sm" />
      <ErrorAlert error={instructions.error} />
      {instructions.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("instructions.empty")}
        </Text>
      ) : (
        <Accordion variant="separated" radius="sm" multiple>
          {items.map((item) => (
            <Accordion.Item key={item.id} value={String(item.id)}>
              <Accordion.Control>
                <Text size="sm" fw={600}>
                  {item.title}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {item.body}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Drawer>
  );
}
