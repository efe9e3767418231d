// The one logger: JSON lines on stdout (pino), with the request and job ids of the work being done and
// credentials censored. Shared through globalThis by scripts/serve.ts and every Next.js server bundle.
import pino, { type DestinationStream, type Logger } from "pino";
import { currentContext } from "./context";
import { redactLogObject, redactText } from "./redact-log";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type { Logger };

const LEVELS: readonly string[] = ["debug", "info", "warn", "error"] satisfies LogLevel[];

export function logLevelFrom(value: string | undefined): LogLevel {
  return value !== undefined && LEVELS.includes(value) ? (value as LogLevel) : "info";
}

export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are serialised (and redacted) by formatters.log, anywhere in the object.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactLogObject(object),
      },
      // Fields given to a log call win over these.
      mixin() {
        const context = currentContext();
        return context ? { requestId: context.requestId, jobId: context.jobId } : {};
      },
      hooks: {
        logMethod(args, method) {
          const swept = args.map((arg: unknown) => (typeof arg === "string" ? redactText(arg) : arg));
          return method.apply(this, swept as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

const shared = globalThis as unknown as { fleetLogger?: Logger };

// The level is read here rather than through env() (lib/env.ts, which validates the same values) because
// scripts/serve.ts logs too and cannot load server-only modules; LOG_LEVEL is not a secret.
// eslint-disable-next-line no-restricted-properties
export const log: Logger = (shared.fleetLogger ??= createLogger({ level: logLevelFrom(process.env.LOG_LEVEL) }));
