// Plugsurfing's signed session events in the running app: the sandbox, as Plugsurfing would, tells the app when a
// session changes status. A session the dispatcher started and then left (no page open on it) and that its driver
// stopped in the provider's own app is up to date in the dashboard within seconds, long before the 5-minute sync.
import pg from "pg";
import { test, expect, runtime, sandbox, signInAs } from "./fixtures";

test("a session stopped outside the dashboard is up to date within seconds, by the provider's event", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { sandboxUrl, databaseUrl } = runtime();
  const registered = (await (await sandbox("/_sandbox/plugsurfing/webhook")).json()) as {
    registered: { url: string } | null;
  };
  expect(registered.registered?.url).toMatch(/\/api\/providers\/plugsurfing\/events$/);

  // A free remote-start capable charger in Hamburg (the other specs start theirs in Berlin).
  const search = await fetch(
    `${sandboxUrl}/plugsurfing/drive/v1/geosearch/radius?latitude=53.55&longitude=9.99&distance=30000&limit=300`,
    {
      method: "POST",
      headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
      body: JSON.stringify({ filters: { locationStatuses: ["AVAILABLE"] } }),
    },
  );
  const { locations } = (await search.json()) as {
    locations: Array<{ id: string; evses: Array<{ uid: string; status: string; capabilities: string[] }> }>;
  };
  const startable = (e: { status: string; capabilities: string[] }) =>
    e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE");
  const location = locations.find((l) => l.evses.some(startable));
  expect(location, "a remote-start capable charger near Hamburg").toBeTruthy();
  const evse = location!.evses.find(startable)!;

  await signInAs(page, "dispatcher");
  await page.goto(
    `/sessions/start?provider=PLUGSURFING&locationId=${encodeURIComponent(location!.id)}&evseUid=${encodeURIComponent(evse.uid)}`,
  );
  await page.getByLabel("Driver").selectOption({ label: "Dora Driver" });
  await page.getByRole("button", { name: "Start charging" }).click();
  await page.waitForURL((url) => /^\/sessions\/(?!start$)[^/]+$/.test(url.pathname), { timeout: 30_000 });
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  // Nobody watches it from here on.
  await page.goto("/bookings");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stored = await client.query<{ providerSessionId: string; driverId: string }>(
      `SELECT "providerSessionId", "driverId" FROM "ChargingSession" WHERE id = $1`,
      [sessionId],
    );
    const user = await client.query<{ value: string }>(
      `SELECT value FROM "ProviderIdentity" WHERE "userId" = $1 AND kind = 'PLUGSURFING_USER_ID'`,
      [stored.rows[0].driverId],
    );
    // The driver stops it in Plugsurfing's app: the dashboard is not asked.
    const stop = await fetch(
      `${sandboxUrl}/plugsurfing/drive/v1/users/${user.rows[0].value}/sessions/${stored.rows[0].providerSessionId}/stop`,
      { method: "POST", headers: { "X-API-Key": "sandbox-plugsurfing-key" } },
    );
    expect(stop.ok).toBe(true);
    await expect
      .poll(
        async () =>
          (await client.query<{ status: string }>(`SELECT status FROM "ChargingSession" WHERE id = $1`, [sessionId]))
            .rows[0].status,
        { timeout: 30_000 },
      )
      .toMatch(/^(COMPLETE|STOP_FAILED)$/);
    const sent = (await (await sandbox("/_sandbox/plugsurfing/webhook")).json()) as {
      sent: Array<{ sessionId: string; answer: number | null }>;
    };
    expect(sent.sent.filter((s) => s.sessionId === stored.rows[0].providerSessionId).map((s) => s.answer)).toContain(
      202,
    );
  } finally {
    await client.end();
  }
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("main").getByText(/^(complete|stop failed)$/)).toBeVisible();
});
