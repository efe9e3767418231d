import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start command and load balancers. No data. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
