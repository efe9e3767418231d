// The audit trail is append-only at the database: UPDATE, DELETE and TRUNCATE are refused whoever asks.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit } from "./audit";

describe("audit trail", () => {
  it("refuses to change, delete or truncate entries", async () => {
    await writeAudit({ actorId: null, action: "test.entry", objectType: "Test", objectId: "1" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "test.entry" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "test.changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { id: entry.id } })).toBe(1);
  });
});
