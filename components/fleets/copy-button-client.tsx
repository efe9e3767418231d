"use client";
// Copies a value to the clipboard and says so.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
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
    <Button type="button" variant="secondary" size="sm" onClick={copy} aria-label={`${label}: ${value}`}>
      {copied ? "Copied" : label}
    </Button>
  );
}
