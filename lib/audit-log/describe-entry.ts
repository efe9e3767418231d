// One audit entry as a sentence: who did what to what ("Alex Admin disabled charging key 'Card 12'").
import { actionSentence, endpointTask, objectPhrase, type AuditTranslator } from "./action-words";

export interface EntryFacts {
  /** The person's name; null for the system (jobs, demo data). */
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** What the object is called now (or was, when it is gone), if it has a name. */
  objectName: string | null;
}

/** In the language of `t`, an `audit` translator. */
export function describeAuditEntry(entry: EntryFacts, t: AuditTranslator): string {
  const actor = entry.actorName ?? t("sentence.system");
  // A refusal names the endpoint that was refused, not an object.
  if (entry.action === "auth.denied") return t("sentence.refused", { actor, task: endpointTask(t, entry.objectId) });
  return actionSentence(t, entry.action, { actor, object: objectPhrase(t, entry.objectType, entry.objectName) });
}
