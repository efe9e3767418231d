// Authentication events in the audit trail: a sign-in, a failed one (under the account only when it
// exists), a lock-out, and a sign-out — each with the client's address.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LIMITS } from "@/lib/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { hashPassword } from "./password";
import { authOptions } from "./options";

type Authorize = (raw: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

const options = authOptions();
const authorize = (options.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const request = { headers: { [PEER_ADDRESS_HEADER]: "198.51.100.20" } };
let userId = "";

beforeAll(async () => {
  userId = (
    await db.user.create({
      data: { email: "audit-signin@test.local", name: "Sign In", passwordHash: await hashPassword("right-password-1") },
    })
  ).id;
});

describe("sign-in audit", () => {
  it("records a sign-in and a sign-out under the user, with the address", async () => {
    await authorize({ email: "audit-signin@test.local", password: "right-password-1" }, request);
    await options.events!.signOut!({ token: { sub: userId }, session: undefined } as never);
    const actions = await db.auditLog.findMany({ where: { actorId: userId }, orderBy: { at: "asc" } });
    expect(actions.map((a) => [a.action, a.ip])).toEqual([
      ["auth.sign-in", "198.51.100.20"],
      ["auth.sign-out", null],
    ]);
  });

  it("records failures, under the account only when it exists, and the lock-out", async () => {
    await expect(authorize({ email: "nobody@test.local", password: "whatever-123" }, request)).rejects.toThrow();
    const unknown = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign-in-failed", actorId: null } });
    expect(JSON.stringify(unknown)).not.toContain("nobody@test.local");

    for (let i = 0; i <= LIMITS.signInPerAccount.points; i++) {
      await authorize({ email: "audit-signin@test.local", password: "wrong-password" }, request).catch(() => undefined);
    }
    expect(await db.auditLog.count({ where: { actorId: userId, action: "auth.sign-in-failed" } })).toBe(
      LIMITS.signInPerAccount.points,
    );
    expect(await db.auditLog.count({ where: { actorId: userId, action: "auth.locked-out" } })).toBe(1);
  });
});
