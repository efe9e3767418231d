// Plugsurfing's session events in the sandbox: when one of its sessions changes status, a POST signed with
// HMAC-SHA256 goes to the URL registered for them, sent once and never retried, as Plugsurfing documents its
// webhooks. Sessions change on the simulated clock with no timer of their own (lifecycle/plugsurfing-session.ts),
// so a watcher looks at the running ones every `intervalMs` and tells each change it sees, the last status first.
// The body and the header follow the app's reading of them (lib/providers/plugsurfing/events.ts).
import { createHmac } from "node:crypto";
import type { World } from "./world";

const FINISHED = new Set(["COMPLETE", "FAILED"]);

export interface SessionEventTarget {
  url: string;
  secret: string;
}

export interface SentSessionEvent {
  sessionId: string;
  sessionStatus: string;
  /** The receiver's HTTP status, or null when it could not be reached (the event is gone then). */
  answer: number | null;
}

export class SessionEvents {
  private target: SessionEventTarget | null = null;
  private readonly told = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** The last events sent, newest last, for tests and the admin view. */
  readonly sent: SentSessionEvent[] = [];

  constructor(
    private readonly world: World,
    private readonly intervalMs = 500,
  ) {}

  /** Registers where events go (null: nowhere). What has already happened is not told again. */
  register(target: SessionEventTarget | null): void {
    this.target = target;
    this.sent.length = 0;
    this.remember();
    if (target && !this.timer) {
      this.timer = setInterval(() => void this.tick(), this.intervalMs);
      this.timer.unref();
    }
    if (!target) this.stop();
  }

  registered(): { url: string } | null {
    return this.target && { url: this.target.url };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Every session's status now, but those already told as finished: a finished session never moves again. */
  private statuses(): Array<[id: string, userId: string, status: string]> {
    const now = this.world.now();
    return Object.values(this.world.state.plugsurfing.sessions)
      .filter((s) => !FINISHED.has(this.told.get(s.id) ?? ""))
      .map((s) => [s.id, s.userId, this.world.sessionSnapshot(s, now).status]);
  }

  private remember(): void {
    for (const [id, , status] of this.statuses()) this.told.set(id, status);
  }

  private async tick(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const changes = this.statuses().filter(([id, , status]) => this.told.get(id) !== status);
    for (const [id, , status] of changes) this.told.set(id, status);
    await Promise.all(
      changes.map(([sessionId, userId, sessionStatus]) => this.send(target, { sessionId, userId, sessionStatus })),
    );
  }

  private async send(
    target: SessionEventTarget,
    change: { sessionId: string; userId: string; sessionStatus: string },
  ): Promise<void> {
    const body = JSON.stringify({
      event: "session.status_changed",
      ...change,
      occurredAt: new Date(this.world.now()).toISOString(),
    });
    const signature = createHmac("sha256", target.secret).update(body, "utf8").digest("hex");
    let answer: number | null = null;
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Plugsurfing-Signature": `sha256=${signature}` },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(5_000),
      });
      answer = response.status;
    } catch {
      // Sent once: an unreachable receiver misses it, and polling finds the change.
    }
    this.sent.push({ sessionId: change.sessionId, sessionStatus: change.sessionStatus, answer });
    if (this.sent.length > 200) this.sent.shift();
  }
}
