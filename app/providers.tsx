"use client";
// Client-side context for every page: TanStack Query for server reads, nuqs for state kept in the URL, the reader's formatter.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState } from "react";
import { FormatProvider } from "@/components/ui/format-provider";
import type { FormatSettings } from "@/lib/format";

export function Providers({ reader, children }: { reader: Required<FormatSettings>; children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true } } }),
  );
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        <FormatProvider {...reader}>{children}</FormatProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
