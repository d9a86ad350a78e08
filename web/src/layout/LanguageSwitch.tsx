import { useTranslation } from "react-i18next";
import { Button, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconLanguage } from "@tabler/icons-react";
import { LANGUAGES, type Language } from "../api/types";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { currentLanguage } from "../i18n";

/** Each language names itself, so a reader of any of them finds their own. */
const NATIVE_NAMES: Record<Language, string> = { ru: "Русский", uk: "Українська", en: "English" };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { changeLanguage } = useSession();
  const language = currentLanguage();

  const choose = (next: Language) => {
    if (next === language) return;
    changeLanguage(next).catch((error: unknown) =>
      notifications.show({ color: "red", title: t("language.notSaved"), message: errorMessage(t, error) }),
    );
  };

  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconLanguage size={16} />} aria-label={t("language.label")} data-testid="language-switch">
          {NATIVE_NAMES[language]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("language.label")}</Menu.Label>
        {LANGUAGES.map((code) => (
          <Menu.Item
            key={code}
            onClick={() => choose(code)}
            rightSection={code === language ? <IconCheck size={14} /> : null}
            data-testid={`language-${code}`}
          >
            {NATIVE_NAMES[code]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
