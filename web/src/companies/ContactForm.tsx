import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Group, Modal, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { fieldProblems } from "../api/errors";
import type { Contact } from "../api/types";
import { ErrorAlert } from "../common/ErrorAlert";
import { ContactFields, contactInputOf, contactValuesOf, emptyContact, type ContactValues } from "./ContactFields";
import { useSaveContact } from "./queries";

/** Adds a contact to a company, or edits one (phones and emails given replace the old lists). */
export function ContactForm({ companyId, contact, opened, onClose }: { companyId: number; contact: Contact | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const save = useSaveContact(companyId);
  const [values, setValues] = useState<ContactValues>(() => (contact ? contactValuesOf(contact) : emptyContact()));

  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: contact?.id, body: contactInputOf(values) },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: contact ? t("contact.saved") : t("contact.added") });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={contact ? t("contact.editTitle") : t("contact.addTitle")} size="lg" centered>
      <form onSubmit={submit} data-testid="contact-form">
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <ContactFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} problems={fieldProblems(t, save.error)} prefix="" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="contact-form-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
