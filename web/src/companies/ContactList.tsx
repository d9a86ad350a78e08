import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconMail, IconPencil, IconPhone, IconPlus, IconUsers } from "@tabler/icons-react";
import type { Contact } from "../api/types";
import { ContactForm } from "./ContactForm";

/** The company's people: call or write with one click; decision makers first. */
export function ContactList({ companyId, contacts, canEdit }: { companyId: number; contacts: Contact[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Contact | "new" | null>(null);

  return (
    <Paper withBorder radius="md" p="md" data-testid="contacts">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconUsers size={18} color="var(--mantine-color-dimmed)" />
          <Title order={4} fz="md">
            {t("contact.sectionTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {contacts.length}
          </Text>
        </Group>
        {canEdit ? (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")} data-testid="contact-add">
            {t("contact.add")}
          </Button>
        ) : null}
      </Group>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("contact.none")}
        </Text>
      ) : (
        <Stack gap={0}>
          {contacts.map((contact, i) => (
            <Group
              key={contact.id}
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              py="xs"
              style={i > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
              data-testid="contact"
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {contact.fullName}
                  </Text>
                  {contact.decisionMaker ? (
                    <Badge size="xs" variant="light" color="violet" radius="sm">
                      {t("contact.decisionMakerShort")}
                    </Badge>
                  ) : null}
                </Group>
                {contact.position ? (
                  <Text size="xs" c="dimmed">
                    {contact.position}
                  </Text>
                ) : null}
                {contact.phones.map((phone) => (
                  <Group key={phone} gap={6} wrap="nowrap">
                    <IconPhone size={13} color="var(--mantine-color-dimmed)" />
                    <Anchor href={`tel:${phone}`} size="sm" ff="monospace" data-testid="contact-phone">
                      {phone}
                    </Anchor>
                  </Group>
                ))}
                {contact.emails.map((email) => (
                  <Group key={email} gap={6} wrap="nowrap">
                    <IconMail size={13} color="var(--mantine-color-dimmed)" />
                    <Anchor href={`mailto:${email}`} size="sm" style={{ overflowWrap: "anywhere" }} data-testid="contact-email">
                      {email}
                    </Anchor>
                  </Group>
                ))}
              </Stack>
              {canEdit ? (
                <Tooltip label={t("contact.edit")}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(contact)} aria-label={t("contact.edit")} data-testid="contact-edit">
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {editing ? (
        <ContactForm
          key={editing === "new" ? "new" : editing.id}
          companyId={companyId}
          contact={editing === "new" ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Paper>
  );
}
