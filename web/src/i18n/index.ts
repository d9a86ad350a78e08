import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import uk from "../locales/uk.json";
import { LANGUAGES, type Language } from "../api/types";

export const isLanguage = (value: unknown): value is Language => typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** Before sign-in: the browser's first language we speak (ru, uk, en), else English. */
export function browserLanguage(): Language {
  const candidates = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of candidates) {
    const code = (tag ?? "").slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return "en";
}

/** Intl locale used for dates and numbers in each UI language. */
export const LOCALES: Record<Language, string> = { ru: "ru-RU", uk: "uk-UA", en: "en-GB" };

export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en");

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, uk: { translation: uk } },
  lng: browserLanguage(),
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

const syncDocument = (language: string) => {
  document.documentElement.lang = language;
};
syncDocument(i18n.language);
i18n.on("languageChanged", syncDocument);

export default i18n;
