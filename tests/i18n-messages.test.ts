// Every language says everything, with the same placeholders: a key in one messages file and not in another,
// or a message whose ICU arguments ({name}, {count, plural, …}) differ between languages, fails here.
import { describe, expect, it } from "vitest";
// The parser next-intl itself formats with (through intl-messageformat), so "valid ICU" means the same here.
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { DEFAULT_LANGUAGE, LANGUAGES } from "@/lib/i18n/languages";
import { MESSAGES } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** "name:kind" for every argument, nested ones included ("count:plural", "fleet:argument"). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        found.add(`<${element.value}>:tag`);
        argumentsOf(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(MESSAGES[l] as Tree)]));
const reference = flat[DEFAULT_LANGUAGE]!;

describe.each(LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE))("messages/%s.json", (language) => {
  const messages = flat[language]!;

  it("has every key of the English messages, and no other", () => {
    expect(
      [...messages.keys()].filter((k) => !reference.has(k)),
      "keys only here",
    ).toEqual([]);
    expect(
      [...reference.keys()].filter((k) => !messages.has(k)),
      "keys missing here",
    ).toEqual([]);
  });

  it("uses the same ICU arguments as English in every message", () => {
    const differing: string[] = [];
    for (const [key, english] of reference) {
      const translated = messages.get(key);
      if (translated === undefined) continue;
      const a = [...argumentsOf(parse(english))].sort();
      const b = [...argumentsOf(parse(translated))].sort();
      if (a.join() !== b.join()) differing.push(`${key}: en {${a.join(", ")}} ≠ ${language} {${b.join(", ")}}`);
    }
    expect(differing).toEqual([]);
  });

  it("translates: no message left empty", () => {
    expect([...messages].filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });
});

describe("every messages file", () => {
  it.each(LANGUAGES)("%s parses as ICU", (language) => {
    for (const [key, text] of flat[language]!) expect(() => parse(text), key).not.toThrow();
  });
});
