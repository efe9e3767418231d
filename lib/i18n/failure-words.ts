// The words failures are said with in this request: the reader's language (lib/i18n/reader.ts), or English
// where an endpoint runs outside a request (tests, scripts).
import "server-only";
import { ENGLISH, failureWords, type FailureWords } from "@/lib/actions/errors";
import { currentReader } from "./reader";

export async function readerFailureWords(): Promise<FailureWords> {
  try {
    return failureWords((await currentReader()).language);
  } catch {
    return ENGLISH;
  }
}
