"use client";
// The user's language: English, Deutsch or the browser's. Saved to the account and applied at once: the
// server renders the page again in the new language (and formats dates and amounts in it).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { setLanguageAction } from "@/lib/actions/account";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from "@/lib/i18n/languages";

const BROWSER = "browser";

export function LanguageForm({ current }: { current: Language | null }) {
  const t = useTranslations("settings.language");
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const save = useAction(setLanguageAction, { onSuccess: () => startRefresh(() => router.refresh()) });
  // Shown at once; the page follows when the server has saved it.
  const [chosen, setChosen] = useState<string>(current ?? BROWSER);
  return (
    <SelectField
      label={t("label")}
      hint={t("hint")}
      error={failureOf(save.error)?.message}
      value={chosen}
      disabled={save.isPending || refreshing}
      onChange={(event) => {
        const value = event.target.value;
        setChosen(value);
        save.mutate({ locale: isLanguage(value) ? value : null });
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
      <option value={BROWSER}>{t("browser")}</option>
    </SelectField>
  );
}
