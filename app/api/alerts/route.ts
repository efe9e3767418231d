// The alerts page's data: one page of the fleet's alerts, each said in the reader's words.
import { fleetRoute } from "@/lib/actions/route";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { api } from "@/lib/api/contract";
import { PAGES } from "@/lib/auth/permissions";
import { currentReader } from "@/lib/i18n/reader";
import { readerWords } from "@/lib/notifications/notifications";

export const GET = fleetRoute(api.alerts.list, {
  roles: PAGES.alerts.roles,
  run: async ({ input }) => listAlerts(input, readerWords(await currentReader())),
});
