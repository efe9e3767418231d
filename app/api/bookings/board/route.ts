// The dispatch board's day or week: the fleet's bookings in it, with the vehicles, drivers and depots of its rows.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { boardData } from "@/lib/bookings/board";

export const GET = fleetRoute(api.bookings.board, {
  roles: ["ADMIN", "DISPATCHER"],
  async run({ input, fleetId }) {
    return boardData(fleetId, input);
  },
});
