// No hard-coded words on screen: every user-visible text in app/ and components/ comes from the messages
// (messages/<language>/<namespace>.json, through next-intl); tests/support/hard-coded-texts.ts says what counts.
//
// NOT_YET_TRANSLATED names the files still to do; it only shrinks, and a file that passes must leave it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hardCodedTexts } from "./support/hard-coded-texts";

const NOT_YET_TRANSLATED = new Set<string>([
  "app/(app)/audit/page.tsx",
  "app/(app)/audit/security/page.tsx",
  "app/(app)/bookings/[bookingId]/page.tsx",
  "app/(app)/bookings/batches/[batchId]/page.tsx",
  "app/(app)/bookings/batches/new/page.tsx",
  "app/(app)/bookings/new/page.tsx",
  "app/(app)/bookings/page.tsx",
  "app/(app)/fleets/[fleetId]/depot-chargers/page.tsx",
  "app/(app)/fleets/[fleetId]/page.tsx",
  "app/(app)/fleets/new/page.tsx",
  "app/(app)/fleets/page.tsx",
  "app/(app)/forbidden/page.tsx",
  "app/(app)/invitations/page.tsx",
  "app/(app)/keys/page.tsx",
  "app/(app)/map/page.tsx",
  "app/(app)/my-bookings/page.tsx",
  "app/(app)/reports/page.tsx",
  "app/(app)/sessions/[sessionId]/page.tsx",
  "app/(app)/sessions/page.tsx",
  "app/(app)/sessions/start/page.tsx",
  "app/(app)/settings/providers/page.tsx",
  "app/api/health/providers/route.ts",
  "app/api/metrics/route.ts",
  "app/invite/[token]/page.tsx",
  "app/join/[code]/page.tsx",
  "app/join/page.tsx",
  "components/audit/audit-change.tsx",
  "components/audit/audit-download.tsx",
  "components/audit/audit-entries.tsx",
  "components/audit/audit-filter-bar.tsx",
  "components/audit/audit-log-page.tsx",
  "components/audit/audit-pager.tsx",
  "components/bookings/assign-driver-client.tsx",
  "components/bookings/batch-charge-points-client.tsx",
  "components/bookings/batch-form-client.tsx",
  "components/bookings/batch-progress-client.tsx",
  "components/bookings/booking-columns.tsx",
  "components/bookings/booking-detail-client.tsx",
  "components/bookings/booking-filter-bar.tsx",
  "components/bookings/booking-wizard-client.tsx",
  "components/bookings/bookings-list-client.tsx",
  "components/bookings/cancel-button-client.tsx",
  "components/bookings/my-bookings-client.tsx",
  "components/bookings/navigation-links.tsx",
  "components/bookings/start-from-booking-client.tsx",
  "components/bookings/unknown-outcome-client.tsx",
  "components/bookings/wizard-charger-step.tsx",
  "components/bookings/wizard-driver-step.tsx",
  "components/bookings/wizard-failure.tsx",
  "components/bookings/wizard-review.tsx",
  "components/bookings/wizard-window-step.tsx",
  "components/fleets/copy-button-client.tsx",
  "components/fleets/create-fleet-form-client.tsx",
  "components/fleets/depot-charger-actions-client.tsx",
  "components/fleets/depot-charger-form-client.tsx",
  "components/fleets/depot-charger-import-client.tsx",
  "components/fleets/depot-charger-list.tsx",
  "components/fleets/depot-chargers-client.tsx",
  "components/fleets/depot-connector-fields.tsx",
  "components/fleets/fleet-group-fields.tsx",
  "components/fleets/fleet-list.tsx",
  "components/fleets/fleet-summary.tsx",
  "components/fleets/invitation-codes-client.tsx",
  "components/fleets/invite-member-form-client.tsx",
  "components/fleets/issue-code-form-client.tsx",
  "components/fleets/member-row-client.tsx",
  "components/fleets/members-client.tsx",
  "components/fleets/pending-invitations-client.tsx",
  "components/fleets/plugsurfing-codes-client.tsx",
  "components/fleets/remove-member-dialog-client.tsx",
  "components/fleets/rename-fleet-form-client.tsx",
  "components/invitations/received-invitations-client.tsx",
  "components/invitations/sign-up-with-invitation-form-client.tsx",
  "components/join/code-field.tsx",
  "components/join/join-form-client.tsx",
  "components/join/join-page.tsx",
  "components/join/join-with-code-form-client.tsx",
  "components/join/sign-in-and-join-form-client.tsx",
  "components/join/sign-up-and-join-form-client.tsx",
  "components/keys/assign-prompt-client.tsx",
  "components/keys/create-key-form-client.tsx",
  "components/keys/key-columns-client.tsx",
  "components/keys/key-filters-client.tsx",
  "components/keys/key-pager-client.tsx",
  "components/keys/key-table-actions-client.tsx",
  "components/keys/keys-page-client.tsx",
  "components/keys/move-key-dialog-client.tsx",
  "components/keys/toggle-key-dialog-client.tsx",
  "components/map/availability.ts",
  "components/map/charger-panel.tsx",
  "components/map/filter-bar.tsx",
  "components/map/map-page-client.tsx",
  "components/map/place-search.tsx",
  "components/map/results-list.tsx",
  "components/reports/cost-breakdown.tsx",
  "components/reports/period-controls.tsx",
  "components/reports/report-totals.tsx",
  "components/reports/reports-page-client.tsx",
  "components/sessions/live-session-card.tsx",
  "components/sessions/session-columns.tsx",
  "components/sessions/session-detail.tsx",
  "components/sessions/session-filter-bar.tsx",
  "components/sessions/session-history-client.tsx",
  "components/sessions/session-totals.tsx",
  "components/sessions/start-session-client.tsx",
  "components/settings/provider-health-card.tsx",
  "components/settings/provider-health-client.tsx",
  "components/ui/data-table-row.tsx",
  "components/ui/data-table.tsx",
  "components/ui/syncing-badge.tsx",
  "components/ui/use-action.ts",
]);

const SCREEN_FILES = ["app", "components"]
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
  .sort();

const textsIn = (file: string) => hardCodedTexts(file, readFileSync(path.join(process.cwd(), file), "utf8"));

describe("screens have no hard-coded text", () => {
  it.each(SCREEN_FILES.filter((f) => !NOT_YET_TRANSLATED.has(f)))("%s", (file) => {
    expect(textsIn(file)).toEqual([]);
  });

  it("lists as not yet translated only files that exist and still hold text", () => {
    const stale = [...NOT_YET_TRANSLATED].filter((f) => !SCREEN_FILES.includes(f) || textsIn(f).length === 0);
    expect(stale).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const sample = `export const A = () => (
      <div aria-label="Close" title={open ? "Open" : t("x")}>
        Sign out {"Settings"} {" · "} {t("ok")} {count}
        <input placeholder="Email" className="text-sm" />
      </div>
    );
    const columns = [{ header: "Plate", id: "plate" }, { label: t("ok"), message: failed ? "Failed" : "" }];`;
    expect(hardCodedTexts("sample.tsx", sample).map((f) => f.split(": ")[1])).toEqual([
      '"Close"',
      '"Open"',
      '"Sign out"',
      '"Settings"',
      '"Email"',
      '"Plate"',
      '"Failed"',
    ]);
  });
});
