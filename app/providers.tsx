"use client";
// Client-side context for every page: TanStack Query for server reads, nuqs for state kept in the URL, the
// reader's language (next-intl) and formatter, both from the one choice the server made (lib/i18n/reader.ts).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { setReadFailureWords } from "@/lib/api/client";
import { FormatProvider } from "@/components/ui/format-provider";
import type { Reader } from "@/lib/i18n/reader";

export function Providers({
  reader,
  messages,
  children,
}: {
  reader: Reader;
  messages: AbstractIntlMessages;
  children: React.ReactNode;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true } } }),
  );
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        <NextIntlClientProvider locale={reader.language} messages={messages} timeZone={reader.timeZone}>
          <ReadFailureWords />
          <FormatProvider
            locale={reader.locale}
            timeZone={reader.timeZone}
            followsBrowser={reader.followsBrowserTimeZone}
          >
            {children}
          </FormatProvider>
        </NextIntlClientProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}

/** Hands the API client the reader's words for a read whose answer never came (lib/api/client.ts). */
function ReadFailureWords() {
  const t = useTranslations("common.failure");
  const unreachable = t("unreachable");
  const unexpected = t("unexpected");
  useEffect(() => setReadFailureWords({ unreachable, unexpected }), [unreachable, unexpected]);
  return null;
}
