"use client";
// The charger words (./charger-words.ts) bound to the reader's language and formatter.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/format-provider";
import { chargerWords, type ChargerWords } from "./charger-words";

export function useChargerWords(): ChargerWords {
  const f = useFormat();
  const t = useTranslations("common");
  return useMemo(() => chargerWords(f, t), [f, t]);
}
