// The Berlin-area locations the Plugsurfing docs server finds, shaped after the docs' geosearch example.
import { createHash } from "node:crypto";

export interface DocsConnector {
  id: string;
  standard: string;
  /** Watts. */
  power: number;
  power_type: string;
}

export interface DocsEvse {
  uid: string;
  evse_id: string;
  status: string;
  capabilities: string[];
  connectors: DocsConnector[];
}

export interface DocsLocation {
  id: string;
  name: string;
  lat: number;
  lng: number;
  city: string;
  postal_code: string;
  address: string;
  operator: { id: string; name: string };
  twentyfourseven: boolean;
  regular_hours: Array<{ weekday: number; period_begin: string; period_end: string }>;
  evses: DocsEvse[];
}

/** Connector ids look like the docs' `abcJd/vR5fvzBa0X/gxaXA==`: 16 bytes of base64, with `/` and `=`. */
const connectorId = (name: string) => createHash("md5").update(name).digest("base64");
const REMOTE = ["REMOTE_START_STOP_CAPABLE", "RFID_READER"];

function evse(uid: string, status: string, capabilities: string[], connectors: Array<Omit<DocsConnector, "id">>) {
  return {
    uid,
    evse_id: uid,
    status,
    capabilities,
    connectors: connectors.map((c, i) => ({ id: connectorId(`${uid}/${i}`), ...c })),
  };
}

const OPERATOR = { id: "DE*PSD", name: "Plugsurfing Demo Operator" };

/** A handful of Berlin-area locations, one of them at the docs' example search point. */
export const LOCATIONS: DocsLocation[] = [
  {
    id: "DE-PSD-BER-ALEX",
    name: "Alexanderplatz Parkhaus",
    lat: 52.5219,
    lng: 13.4132,
    city: "Berlin",
    postal_code: "10178",
    address: "Alexanderstraße 7",
    operator: OPERATOR,
    twentyfourseven: true,
    regular_hours: [],
    evses: [
      evse("DE*PSD*EALEX*1", "AVAILABLE", REMOTE, [
        { standard: "CCS", power: 150_000, power_type: "DC" },
        { standard: "CHAdeMO", power: 50_000, power_type: "DC" },
      ]),
      evse("DE*PSD*EALEX*2", "AVAILABLE", REMOTE, [{ standard: "Type2", power: 22_000, power_type: "AC_3_PHASE" }]),
      evse("DE*PSD*EALEX*3", "CHARGING", REMOTE, [{ standard: "Type2", power: 22_000, power_type: "AC_3_PHASE" }]),
    ],
  },
  {
    id: "DE-PSD-BER-POTS",
    name: "Potsdamer Platz",
    lat: 52.5096,
    lng: 13.3759,
    city: "Berlin",
    postal_code: "10785",
    address: "Potsdamer Platz 1",
    operator: OPERATOR,
    twentyfourseven: true,
    regular_hours: [],
    evses: [
      evse("DE*PSD*EPOTS*1", "AVAILABLE", REMOTE, [{ standard: "CCS", power: 300_000, power_type: "DC" }]),
      evse("DE*PSD*EPOTS*2", "AVAILABLE", REMOTE, [{ standard: "Type2", power: 11_000, power_type: "AC_3_PHASE" }]),
      evse(
        "DE*PSD*EPOTS*3",
        "OUTOFORDER",
        ["CHARGING_PROFILE_CAPABLE"],
        [{ standard: "3PinSquare", power: 3_700, power_type: "AC_1_PHASE" }],
      ),
    ],
  },
  {
    id: "DE-PSD-BER-THF",
    name: "Tempelhof Depot",
    lat: 52.473,
    lng: 13.403,
    city: "Berlin",
    postal_code: "12101",
    address: "Tempelhofer Damm 1",
    operator: OPERATOR,
    twentyfourseven: false,
    regular_hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, period_begin: "07:00", period_end: "20:00" })),
    evses: [
      evse(
        "DE*PSD*ETHF*1",
        "AVAILABLE",
        ["CHARGING_PROFILE_CAPABLE"],
        [{ standard: "Type2", power: 22_000, power_type: "AC_3_PHASE" }],
      ),
      evse("DE*PSD*ETHF*2", "AVAILABLE", REMOTE, [{ standard: "Type2", power: 22_000, power_type: "AC_3_PHASE" }]),
    ],
  },
  {
    id: "DE-PSD-BER-SPAN",
    name: "Spandau Arcaden",
    lat: 52.5362,
    lng: 13.203,
    city: "Berlin",
    postal_code: "13597",
    address: "Klosterstraße 3",
    operator: OPERATOR,
    twentyfourseven: true,
    regular_hours: [],
    evses: [
      evse("DE*PSD*ESPAN*1", "AVAILABLE", REMOTE, [
        { standard: "CCS", power: 50_000, power_type: "DC" },
        { standard: "Type2", power: 43_000, power_type: "AC_3_PHASE" },
      ]),
    ],
  },
  {
    id: "DE-PSD-MIC-RAST",
    name: "Michendorf Rastplatz",
    lat: 52.3315,
    lng: 13.146,
    city: "Michendorf",
    postal_code: "14552",
    address: "Potsdamer Straße 40",
    operator: OPERATOR,
    twentyfourseven: true,
    regular_hours: [],
    evses: [
      evse("DE*PSD*EMIC*1", "AVAILABLE", REMOTE, [{ standard: "3PinSquare", power: 3_700, power_type: "AC_1_PHASE" }]),
    ],
  },
];
