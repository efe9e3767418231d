// Retries of queue creation: only the races between instances starting together, and only a few times.
import { describe, expect, it } from "vitest";
import { createQueueRacing } from "./create-queue";

const sleep = async () => {};
const pgError = (code: string) => Object.assign(new Error(code), { code });

function boss(failures: Error[]) {
  const calls: string[] = [];
  return {
    calls,
    createQueue: async (name: string) => {
      calls.push(name);
      const failure = failures.shift();
      if (failure) throw failure;
    },
  };
}

describe("createQueueRacing", () => {
  it("tries again after a deadlock or a table another instance just created", async () => {
    const fake = boss([pgError("40P01"), pgError("42P07")]);
    await createQueueRacing(fake, "q", { name: "q" }, { sleep });
    expect(fake.calls).toEqual(["q", "q", "q"]);
  });

  it("gives up after its attempts, and at once on any other error", async () => {
    const racing = boss(Array.from({ length: 9 }, () => pgError("40P01")));
    await expect(createQueueRacing(racing, "q", { name: "q" }, { sleep, attempts: 3 })).rejects.toThrow("40P01");
    expect(racing.calls).toHaveLength(3);
    const broken = boss([pgError("42501")]);
    await expect(createQueueRacing(broken, "q", { name: "q" }, { sleep })).rejects.toThrow("42501");
    expect(broken.calls).toHaveLength(1);
  });
});
