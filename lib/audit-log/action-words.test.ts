// Every endpoint and every action the code writes to the audit log has words: a new action without them
// fails here instead of reaching the audit page as a code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { api } from "@/lib/api/contract";
import { LANGUAGES } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { AUDIT_ACTIONS, ENDPOINTS, actionLabel, actionSentence, endpointTask, objectPhrase } from "./action-words";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Server actions by name, and whether each changes something (and so is written to the log). */
function serverActions(): Array<{ name: string; mutation: boolean }> {
  const definition = /(fleetAction|userAction|publicAction)\(\{\s*name:\s*"([^"]+)"([\s\S]*?)\n\}\);/g;
  return sourceFiles("lib/actions").flatMap((file) =>
    [...read(file).matchAll(definition)].map((m) => ({ name: m[2], mutation: !/mutation:\s*false/.test(m[3]) })),
  );
}

/** Every action name written to the audit log directly: `action: "keys.disable"`, ternaries included. */
function writtenActions(): string[] {
  return ["lib", "app", "scripts"]
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [...read(file).matchAll(/\baction:\s*([^,\n}]+)/g)].flatMap((m) =>
        [...m[1].matchAll(/"([a-z][\w-]*(?:\.[\w-]+)+)"/g)].map((literal) => literal[1]),
      ),
    );
}

const routeNames = Object.values(api).flatMap((group) => Object.values(group).map((endpoint) => endpoint.name));

describe("the audit log's words", () => {
  it("finds the endpoints and written actions it checks", () => {
    expect(serverActions().length).toBeGreaterThan(20);
    expect(writtenActions()).toEqual(expect.arrayContaining(["keys.disable", "auth.denied", "demo.seed"]));
  });

  it("says what every endpoint is for, for the entries of someone refused it", () => {
    const names = [...routeNames, ...serverActions().map((a) => a.name)];
    expect(names.filter((name) => !ENDPOINTS.includes(name))).toEqual([]);
  });

  it("puts every action that can be written to the log in words", () => {
    const written = [
      ...serverActions()
        .filter((a) => a.mutation)
        .map((a) => a.name),
      ...writtenActions(),
    ];
    expect([...new Set(written)].filter((action) => !AUDIT_ACTIONS.includes(action))).toEqual([]);
  });

  it.each(LANGUAGES)("uses words, never codes, in %s", (language) => {
    const t = translator(language, "audit");
    for (const action of AUDIT_ACTIONS) {
      expect(actionLabel(t, action)).toMatch(/^\p{Lu}[^._{}]*$/u);
      expect(actionSentence(t, action, { actor: "Ada", object: "OBJ" })).toMatch(/^Ada [^._{}]*$/);
    }
    for (const name of ENDPOINTS) expect(endpointTask(t, name)).not.toMatch(/[._{}]/);
  });

  it("names the object in every language exactly where English does", () => {
    const words = { actor: "Ada", object: "OBJ" };
    const [en, de] = [translator("en", "audit"), translator("de", "audit")];
    for (const action of AUDIT_ACTIONS) {
      const named = actionSentence(en, action, words).includes("OBJ");
      expect(actionSentence(de, action, words).includes("OBJ"), action).toBe(named);
    }
  });

  it("calls an object by its name, else by its kind, and an unknown kind something", () => {
    const t = translator("en", "audit");
    expect(objectPhrase(t, "ChargingKey", "Card 12")).toBe("charging key 'Card 12'");
    expect(objectPhrase(t, "InvitationCode", null)).toBe("an invitation code");
    expect(objectPhrase(t, "Route", "reports.get")).toBe("something");
    expect(objectPhrase(translator("de", "audit"), "ChargingKey", "Card 12")).toBe("die Ladekarte „Card 12“");
  });
});
