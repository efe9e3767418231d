// Connector standards in words, for the depot-charger screens (the OCPI names stay for the CSV import). The
// words are the `common.connector` messages.
import { CONNECTOR_STANDARDS, type ConnectorStandard } from "@/lib/domain";
import type { Translate } from "@/lib/i18n/messages";

function isConnectorStandard(standard: string): standard is ConnectorStandard {
  return (CONNECTOR_STANDARDS as readonly string[]).includes(standard);
}

/** A standard in words, with a `common` translator; a stored standard the dashboard does not know yet is shown as it is. */
export function standardLabel(t: Translate, standard: string): string {
  return isConnectorStandard(standard) ? t(`connector.${standard}`) : standard;
}
