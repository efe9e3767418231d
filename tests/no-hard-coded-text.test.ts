// No hard-coded words in translated screens: every user-visible text in these files comes from the messages
// (messages/<language>.json, through next-intl). Flags JSX text with letters, and string literals with
// letters given as a child (`{"Save"}`) or to a user-visible attribute (aria-label, title, placeholder,
// label, hint, alt…), also inside a condition (`dark ? "Light" : "Dark"`).
//
// TRANSLATED holds the files translated so far. It grows until it is every .tsx file in app/ and
// components/; then the list gives way to a walk of both folders.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const TRANSLATED = [
  "app/layout.tsx",
  "app/providers.tsx",
  "app/login/page.tsx",
  "app/(app)/layout.tsx",
  "app/(app)/settings/page.tsx",
  "components/auth/sign-in-form-client.tsx",
  "components/shell/app-shell-client.tsx",
  "components/shell/fleet-switcher-client.tsx",
  "components/shell/user-menu-client.tsx",
  "components/notifications/notification-bell-client.tsx",
  "components/settings/change-password-form-client.tsx",
  "components/settings/language-form-client.tsx",
];

/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "label",
  "hint",
  "description",
  "alt",
  "error",
]);

const HAS_LETTER = /\p{L}/u;

export function hardCodedTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: "${text.trim().replace(/\s+/g, " ")}"`);
  };
  /** String literals an expression may evaluate to: itself, or either branch of a condition or `??`/`||`. */
  const literalsIn = (expression: ts.Expression): ts.StringLiteralLike[] => {
    if (ts.isStringLiteralLike(expression)) return [expression];
    if (ts.isParenthesizedExpression(expression)) return literalsIn(expression.expression);
    if (ts.isConditionalExpression(expression))
      return [...literalsIn(expression.whenTrue), ...literalsIn(expression.whenFalse)];
    if (
      ts.isBinaryExpression(expression) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
        expression.operatorToken.kind,
      )
    ) {
      return [...literalsIn(expression.left), ...literalsIn(expression.right)];
    }
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of literalsIn(node.expression))
        if (HAS_LETTER.test(literal.text)) report(literal, literal.text);
    }
    if (ts.isJsxAttribute(node) && node.initializer && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      const literals = ts.isStringLiteral(init)
        ? [init]
        : ts.isJsxExpression(init) && init.expression
          ? literalsIn(init.expression)
          : [];
      for (const literal of literals) if (HAS_LETTER.test(literal.text)) report(literal, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("translated files have no hard-coded text", () => {
  it.each(TRANSLATED)("%s", (file) => {
    const source = readFileSync(path.join(process.cwd(), file), "utf8");
    expect(hardCodedTexts(file, source)).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const sample = `export const A = () => (
      <div aria-label="Close" title={open ? "Open" : t("x")}>
        Sign out {"Settings"} {" · "} {t("ok")} {count}
        <input placeholder="Email" className="text-sm" />
      </div>
    );`;
    expect(hardCodedTexts("sample.tsx", sample).map((f) => f.split(": ")[1])).toEqual([
      '"Close"',
      '"Open"',
      '"Sign out"',
      '"Settings"',
      '"Email"',
    ]);
  });
});
