// Every message the code asks for exists: a translator bound to a namespace (`useTranslations("map")`,
// `await getTranslations("map")`) called with a literal key must find that message in English, and a key
// built at run time (`t(`status.${status}`)`) must at least find the group it picks from. A missing key would
// show the reader "map.searchHere" instead of words.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

function lookUp(tree: Tree, dotted: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of dotted.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

const SOURCE_FILES = ["app", "components", "lib"]
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

const BINDING =
  /(?:const|let)\s+(\w+)\s*=\s*(?:useTranslations|await\s+getTranslations)\(\s*(?:["']([\w.-]+)["']|\{[^}]*namespace:\s*["']([\w.-]+)["'][^}]*\})?\s*\)/g;

/** "file: namespace.key" for every key asked for and not found in the English messages. */
export function missingKeys(file: string, source: string, messages: Tree): string[] {
  // A name may be bound twice in one file (generateMetadata and the page): a call uses the binding before it.
  const bindings = [...source.matchAll(BINDING)].map((m) => ({ name: m[1]!, namespace: m[2] ?? m[3], at: m.index }));
  const missing: string[] = [];
  for (const name of new Set(bindings.map((b) => b.name))) {
    const calls = new RegExp(`\\b${name}(?:\\.(?:rich|markup|has))?\\(\\s*(["'\`])((?:(?!\\1).)*)\\1`, "g");
    for (const call of source.matchAll(calls)) {
      const [, quote, key] = call;
      const binding = bindings.filter((b) => b.name === name && b.at < call.index).at(-1);
      if (!binding) continue;
      const literal = quote !== "`" || !key!.includes("${");
      const wanted = literal ? key! : key!.slice(0, key!.indexOf("${")).replace(/\.$/, "");
      const full = [binding.namespace, wanted].filter(Boolean).join(".");
      const found = full ? lookUp(messages, full) : messages;
      const ok = literal ? typeof found === "string" : found !== undefined && typeof found !== "string";
      if (!ok) missing.push(`${file}: ${full}${literal ? "" : ".*"}`);
    }
  }
  return missing;
}

describe("messages asked for", () => {
  it("exist in English, every one", () => {
    const english = MESSAGES.en as unknown as Tree;
    const missing = SOURCE_FILES.flatMap((file) => missingKeys(file, readFileSync(file, "utf8"), english));
    expect(missing).toEqual([]);
  });

  it("catches a missing key, a missing group and a message asked for as a group", () => {
    const messages: Tree = { map: { title: "Map", status: { free: "Free" } } };
    const source = `const t = useTranslations("map"); t("title"); t("search"); t(\`status.\${s}\`); t(\`kinds.\${k}\`); t("status");
      const all = await getTranslations(); all("map.title"); all("map.nope");
      function b() { const t = await getTranslations("map.status"); t("free"); t("taken"); }`;
    expect(missingKeys("f.tsx", source, messages)).toEqual([
      "f.tsx: map.search",
      "f.tsx: map.kinds.*",
      "f.tsx: map.status",
      "f.tsx: map.status.taken",
      "f.tsx: map.nope",
    ]);
  });
});
