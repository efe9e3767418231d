// The input of a read that needs nothing but the fleet it is about.
import { z } from "zod";

export const fleetOnlyInput = z.object({ fleetId: z.string().min(1) });

/** The input of a read that takes none. */
export const noInput = z.object({});
