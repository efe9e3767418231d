"use client";
// Copies a value to the clipboard and says so.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("fleets.copy");
  const shown = label ?? t("copy");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false); // clipboard blocked (insecure origin): the value stays visible to copy by hand
    }
  }
  return (
    <Button type="button" variant="secondary" size="sm" onClick={copy} aria-label={`${shown}: ${value}`}>
      {copied ? t("copied") : shown}
    </Button>
  );
}
