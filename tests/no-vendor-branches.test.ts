// Keeps the domain vendor-blind: outside lib/providers/ no code branches on, or hard-codes, a provider's name.
//
// The rule. In every .ts/.tsx file of the app (not lib/providers/, the one place that knows each vendor,
// nor sandbox/, generated/, node_modules/, .next/, tests/, e2e/, test files and fixtures/ or testing/
// folders), none of these may appear:
//   1. a comparison with a provider-name literal:       provider === "PLUGSURFING", x.provider !== 'PETITMONDE'
//   2. a switch case on one:                             case "DEPOTFINITY":
//   3. a call that picks a provider by its name:         provider("PLUGSURFING"), providers.get("PETITMONDE")
//   4. any other hard-coded name where the provider table should be asked: a literal in a list, an object
//      value, a JSX attribute or a type ("PETITMONDE" | "DEPOTFINITY"), a key or property named after one
//      ({ PLUGSURFING: … }, PROVIDER_LABELS.PETITMONDE).
// "A provider's name" is each value of PROVIDERS and each vendor-bound enum value that the Prisma schema
// ties to a single provider (IdentityKind, SessionSource: "PLUGSURFING_USER_ID", "DEPOT_TRANSACTION"…).
// Code asks instead: providersWith(capability) / provider facade for adapters, and on either side of the
// wire lib/domain/provider.ts (PROVIDER_FEATURES, hasCapability, providersThat, PROVIDER_LABELS).
// Display words ("Plugsurfing" in a sentence) are not names in this sense and are not checked.
//
// Allowed to name providers: lib/domain/provider.ts (the table itself); the seed and sandbox-provisioning
// scripts, which write demo data for particular providers; bench/, which measures named adapters against
// the sandbox the way the contract tests do.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { IdentityKind, SessionSource } from "@/generated/prisma/enums";
import { PROVIDERS } from "@/lib/domain";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const SKIPPED_DIRS = new Set([
  "node_modules",
  ".next",
  ".git",
  ".data",
  ".test-data",
  "generated",
  "sandbox",
  "e2e",
  "fixtures",
  "testing",
]);
/** Paths (from the repository root) skipped whole: the provider layer and test support. */
const SKIPPED_PREFIXES = ["lib/providers/", "tests/"];
const ALLOWED_FILES: Record<string, string> = {
  "lib/domain/provider.ts": "the provider table",
  "scripts/lib/seed.ts": "writes demo data for named providers",
  "scripts/lib/provision-sandbox.ts": "provisions the sandbox's demo users of a named provider",
};
const ALLOWED_PREFIXES: Record<string, string> = {
  "bench/": "benchmarks of named adapters against the sandbox",
};

export const VENDOR_NAMES: ReadonlySet<string> = new Set([
  ...PROVIDERS,
  ...Object.values(IdentityKind),
  ...Object.values(SessionSource),
]);

export type HitKind = "comparison" | "case" | "call" | "hard-coded name";

export interface Hit {
  line: number;
  kind: HitKind;
  name: string;
  text: string;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function kindOf(node: ts.Node): HitKind {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return "comparison";
  if (ts.isCaseClause(parent) && parent.expression === node) return "case";
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) return "call";
  return "hard-coded name";
}

/** Every place in one source file that names a provider (see the rule above). */
export function findVendorBranches(source: string, fileName = "sample.tsx", names = VENDOR_NAMES): Hit[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const hits: Hit[] = [];
  const report = (node: ts.Node, name: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    hits.push({ line: line + 1, kind: kindOf(node), name, text: source.split("\n")[line].trim() });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.has(node.text)) {
      report(node, node.text);
    } else if (ts.isIdentifier(node) && names.has(node.text) && isPropertyName(node)) {
      report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return hits;
}

/** `x.PLUGSURFING`, `{ PLUGSURFING: … }`, `{ PLUGSURFING }`: a name used as a key, not a variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === node) ||
    ts.isShorthandPropertyAssignment(parent)
  );
}

function scriptKind(fileName: string): ts.ScriptKind {
  return fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

function isTestFile(name: string): boolean {
  return /\.test\.tsx?$/.test(name) || /\.spec\.tsx?$/.test(name);
}

/** The app's own source files, relative to the root, that the rule applies to. */
export function scannedFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(ROOT, full).split(path.sep).join("/");
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || SKIPPED_PREFIXES.some((p) => `${relative}/`.startsWith(p))) continue;
      out.push(...scannedFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") && !isTestFile(entry.name)) {
      if (relative in ALLOWED_FILES || Object.keys(ALLOWED_PREFIXES).some((p) => relative.startsWith(p))) continue;
      out.push(relative);
    }
  }
  return out;
}

describe("the scanner", () => {
  const sample = (source: string) => findVendorBranches(source).map((h) => [h.line, h.kind, h.name]);

  it("catches a comparison with a provider name, either quote, either side, either operator", () => {
    expect(
      sample(
        [
          `if (provider === "PLUGSURFING") start();`,
          `if (b.provider !== 'PETITMONDE') return;`,
          `const depot = "DEPOTFINITY" == location.provider;`,
          "const not = x != `PLUGSURFING`;",
        ].join("\n"),
      ),
    ).toEqual([
      [1, "comparison", "PLUGSURFING"],
      [2, "comparison", "PETITMONDE"],
      [3, "comparison", "DEPOTFINITY"],
      [4, "comparison", "PLUGSURFING"],
    ]);
  });

  it("catches a case on a provider name", () => {
    expect(sample(`switch (p) {\n  case "DEPOTFINITY":\n    break;\n}`)).toEqual([[2, "case", "DEPOTFINITY"]]);
  });

  it("catches a provider picked by name", () => {
    expect(sample(`const a = provider("PLUGSURFING");\nconst b = providers.get("PETITMONDE");`)).toEqual([
      [1, "call", "PLUGSURFING"],
      [2, "call", "PETITMONDE"],
    ]);
  });

  it("catches hard-coded names: lists, enums, values, JSX, types, keys and properties", () => {
    expect(
      sample(
        [
          `const BOOKING = new Set(["PETITMONDE", "DEPOTFINITY"]);`,
          `const input = z.enum(["PLUGSURFING"]);`,
          `const row = { provider: "PLUGSURFING" };`,
          `const el = <option value="PETITMONDE">{PROVIDER_LABELS.PETITMONDE}</option>;`,
          `type Bookable = "DEPOTFINITY";`,
          `const limits = { PLUGSURFING: 1 };`,
        ].join("\n"),
      ),
    ).toEqual([
      [1, "hard-coded name", "PETITMONDE"],
      [1, "hard-coded name", "DEPOTFINITY"],
      [2, "hard-coded name", "PLUGSURFING"],
      [3, "hard-coded name", "PLUGSURFING"],
      [4, "hard-coded name", "PETITMONDE"],
      [4, "hard-coded name", "PETITMONDE"],
      [5, "hard-coded name", "DEPOTFINITY"],
      [6, "hard-coded name", "PLUGSURFING"],
    ]);
  });

  it("catches the vendor-bound enum values of the schema", () => {
    expect(
      sample(
        [
          `db.providerIdentity.findMany({ where: { kind: "PLUGSURFING_USER_ID" } });`,
          `if (row.source !== "PLUGSURFING_SESSION") return;`,
          `const s = { source: "DEPOT_TRANSACTION" };`,
        ].join("\n"),
      ),
    ).toEqual([
      [1, "hard-coded name", "PLUGSURFING_USER_ID"],
      [2, "comparison", "PLUGSURFING_SESSION"],
      [3, "hard-coded name", "DEPOT_TRANSACTION"],
    ]);
  });

  it("lets the table, capabilities, display words, comments and look-alike names through", () => {
    expect(
      sample(
        [
          `// only PLUGSURFING prices per fleet`,
          `const remote = hasCapability(location.provider, "remoteStartStop");`,
          `const label = PROVIDER_LABELS[offer.provider];`,
          `const text = "Plugsurfing refuses a second start within 60 s";`,
          `const key = env.PLUGSURFING_API_KEY;`,
          `const PLUGSURFING = 1;`,
          "const t = `${PLUGSURFING}-x`;",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});

describe("no vendor branches outside lib/providers", () => {
  it("finds none", () => {
    const files = scannedFiles();
    // The walk must reach the code this rule is about, or it would pass by finding nothing.
    expect(files).toEqual(expect.arrayContaining(["lib/sessions/sync.ts", "components/map/charger-panel.tsx"]));
    expect(files.some((f) => f.startsWith("lib/providers/"))).toBe(false);
    const hits = files.flatMap((file) =>
      findVendorBranches(readFileSync(path.join(ROOT, file), "utf8"), file).map(
        (h) => `${file}:${h.line} ${h.kind} ${h.name}: ${h.text}`,
      ),
    );
    expect(hits, "name what the code needs through the provider table or a capability").toEqual([]);
  });
});
