// A batch runner in a process of its own, for the restart test: it works through the queue until killed.
import { runBatchItems } from "../batches";
import { defaultBookingProviders } from "../providers";

const result = await runBatchItems(defaultBookingProviders(), { owner: "runner-to-be-killed", maxRunMs: 120_000 });
console.log(JSON.stringify(result));
process.exit(0);
