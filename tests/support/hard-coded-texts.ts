// Finds hard-coded user-visible text in a .ts/.tsx source: JSX text with letters, and string literals with
// letters given as a child (`{"Save"}`), to a user-visible attribute (aria-label, title, placeholder…) or to an
// on-screen object property (`{ label: "Open" }`), also inside a condition (`dark ? "Light" : "Dark"`).
// Used by tests/no-hard-coded-text.test.ts; `npx tsx tests/support/hard-coded-texts.ts FILE…` lists a file's.
import { readFileSync } from "node:fs";
import ts from "typescript";

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

/** Object properties that end up on screen: `{ label: "Open" }`, a column's `header`, a failure's `message`. */
const VISIBLE_PROPERTIES = new Set([...VISIBLE_ATTRIBUTES, "header", "message", "text", "heading", "emptyText"]);

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
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      VISIBLE_PROPERTIES.has(node.name.text)
    ) {
      for (const literal of literalsIn(node.initializer))
        if (HAS_LETTER.test(literal.text)) report(literal, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

if (process.argv[1]?.endsWith("hard-coded-texts.ts")) {
  const found = process.argv.slice(2).flatMap((file) => hardCodedTexts(file, readFileSync(file, "utf8")));
  for (const line of found) console.log(line);
  process.exitCode = found.length ? 1 : 0;
}
