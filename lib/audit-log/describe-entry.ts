// One audit entry as a sentence: who did what to what ("Alex Admin disabled charging key 'Card 12'").
import { actionWords, endpointTask, OBJECT_NOUNS } from "./action-words";

export interface EntryFacts {
  /** The person's name; null for the system (jobs, demo data). */
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** What the object is called now (or was, when it is gone), if it has a name. */
  objectName: string | null;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

export function describeAuditEntry(entry: EntryFacts): string {
  const actor = entry.actorName ?? "The system";
  // A refusal names the endpoint that was refused, not an object.
  if (entry.action === "auth.denied") return `${actor} was refused permission to ${endpointTask(entry.objectId)}`;
  const words = actionWords(entry.action);
  if (words.alone) return `${actor} ${words.verb}`;
  const noun = OBJECT_NOUNS[entry.objectType];
  const object = !noun ? "something" : entry.objectName ? `${noun} '${entry.objectName}'` : withArticle(noun);
  return `${actor} ${words.verb} ${object}`;
}
