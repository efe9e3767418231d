import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { withIntl } from "@/tests/support/intl";
import { CodeField } from "./code-field";

describe("CodeField", () => {
  it("labels the code and says where it comes from", () => {
    const html = renderToStaticMarkup(withIntl(<CodeField name="code" />));
    expect(html).toContain("Invitation code");
    expect(html).toContain("From your fleet admin. Case and dashes do not matter.");
    expect(html).toContain('placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"');
  });

  it("speaks German", () => {
    const html = renderToStaticMarkup(withIntl(<CodeField name="code" />, "de"));
    expect(html).toContain("Einladungscode");
    expect(html).toContain("Von Ihrem Flotten-Admin.");
  });
});
