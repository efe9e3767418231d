import { describe, expect, it } from "vitest";
import { translator, type Translate } from "@/lib/i18n/messages";
import { renderedText } from "@/tests/support/intl";
import { keyName, keyStatusLabel, keyTypeLabel } from "./key-labels";
import { KeyPager } from "./key-pager-client";

const text = renderedText;

describe("key labels", () => {
  const en: Translate = translator("en", "keys");
  const de: Translate = translator("de", "keys");

  it("name a key's type and status in the reader's language", () => {
    expect(keyTypeLabel(en, "RFID_CARD")).toBe("RFID card");
    expect(keyTypeLabel(de, "RFID_CARD")).toBe("RFID-Karte");
    expect(keyStatusLabel(en, "disabled")).toBe("Disabled");
    expect(keyStatusLabel(de, "disabled")).toBe("Deaktiviert");
  });

  it("still read a type the dashboard does not know as words", () => {
    expect(keyTypeLabel(en, "APP_KEY")).toBe("app key");
  });

  it("name a key by its printed number, else its identifier", () => {
    expect(keyName({ visualNumber: "DE-1", keyId: "04AB" })).toBe("DE-1");
    expect(keyName({ visualNumber: null, keyId: "04AB" })).toBe("04AB");
  });
});

describe("key notices", () => {
  it("count in German as a German reader expects", () => {
    const de = translator("de", "keys");
    expect(de("notices.refreshed", { fleetKeys: 1, userKeys: 2 })).toBe(
      "Ladekarten aktualisiert: 1 Flottenladekarte, 2 Fahrerladekarten.",
    );
    expect(de("notices.providersFailed", { count: 2, providers: "Plugsurfing und Petit Monde" })).toContain(
      "Plugsurfing und Petit Monde waren nicht erreichbar",
    );
  });
});

describe("key pager", () => {
  it("counts the keys and the pages", () => {
    const pager = (total: number) => <KeyPager total={total} page={1} pageSize={25} onPage={() => {}} />;
    expect(text(pager(1))).toBe("1 key Previous Page 1 of 1 Next");
    expect(text(pager(30))).toBe("30 keys Previous Page 1 of 2 Next");
    expect(text(pager(1), "de")).toBe("1 Ladekarte Zurück Seite 1 von 1 Weiter");
  });
});
