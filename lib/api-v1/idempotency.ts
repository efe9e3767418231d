// Idempotency-Key on the public API's POSTs: the first request with a key runs and its answer is kept for
// 24 hours; the same request again gets that answer back, another request under the key is refused (422),
// and a repeat while the first still runs is told to wait (409). The row is claimed before the run, in a
// unique index, so two concurrent requests can never both run: a retried POST never books twice.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotentOutcome =
  | { kind: "ran"; answer: StoredAnswer }
  | { kind: "replayed"; answer: StoredAnswer }
  | { kind: "reused" }
  | { kind: "running" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function idempotent(
  args: { tokenId: string; key: string; requestHash: string },
  run: () => Promise<StoredAnswer>,
  now = new Date(),
): Promise<IdempotentOutcome> {
  const { tokenId, key, requestHash } = args;
  // Expired keys of this token go first, so an old key is free again and the table stays small.
  await db.apiIdempotencyKey.deleteMany({
    where: { tokenId, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
  let claimId: string;
  try {
    claimId = (await db.apiIdempotencyKey.create({ data: { tokenId, key, requestHash, createdAt: now } })).id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!existing) return { kind: "running" }; // expired and removed between the two statements: rare, retryable
    if (existing.requestHash !== requestHash) return { kind: "reused" };
    if (existing.status === null) return { kind: "running" };
    return { kind: "replayed", answer: { status: existing.status, body: existing.body } };
  }
  let answer: StoredAnswer;
  try {
    answer = await run();
  } catch (error) {
    // Nothing to replay: the key is released so that a retry runs again.
    await db.apiIdempotencyKey.delete({ where: { id: claimId } }).catch(() => undefined);
    throw error;
  }
  await db.apiIdempotencyKey.update({
    where: { id: claimId },
    data: { status: answer.status, body: JSON.parse(JSON.stringify(answer.body ?? null)) as Prisma.InputJsonValue },
  });
  return { kind: "ran", answer };
}
