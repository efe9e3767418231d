// The words failures are said with in this request: the reader's language (lib/i18n/reader.ts), or English
// where an endpoint runs outside a request (tests, scripts).
import "server-only";
import { failureWords, type FailureWords } from "@/lib/actions/errors";
import { readerLanguage } from "./reader";

export async function readerFailureWords(): Promise<FailureWords> {
  return failureWords(await readerLanguage());
}
