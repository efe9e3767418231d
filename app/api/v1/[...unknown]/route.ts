// Anything else under /api/v1 answers in the API's own JSON, not with the app's page.
import { readerFailureWords } from "@/lib/i18n/failure-words";

async function unknownRoute(): Promise<Response> {
  const words = await readerFailureWords();
  return Response.json(
    { error: { code: "NOT_FOUND", message: words.errors("apiTokens.unknownRoute") } },
    { status: 404 },
  );
}

export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
};
