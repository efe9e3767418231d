// The Munich and Stuttgart locations the Petit Monde docs server finds, with the ids of the docs' examples.

export interface DocsConnector {
  standard: string;
  format: string;
  power_type: string;
  /** W, as OCPI has it. */
  max_electric_power: number;
}

export interface DocsEvse {
  evse_uid: string;
  status: string;
  connectors: DocsConnector[];
  /** The docs show per-EVSE connector detail as optional: some EVSEs go out without it. */
  showConnectors: boolean;
}

export interface DocsLocation {
  location_id: string;
  name: string;
  address: string;
  city: string;
  lat: number;
  lng: number;
  cpo_name: string;
  supports_reservation: boolean;
  estimated_price: number;
  evses: DocsEvse[];
}

const CCS = (kw: number): DocsConnector => ({
  standard: "IEC_62196_T2_COMBO",
  format: "CABLE",
  power_type: "DC",
  max_electric_power: kw * 1000,
});
const TYPE2 = (kw: number): DocsConnector => ({
  standard: "IEC_62196_T2",
  format: "SOCKET",
  power_type: "AC_3_PHASE",
  max_electric_power: kw * 1000,
});
const evse = (evse_uid: string, status: string, connectors: DocsConnector[], showConnectors = true): DocsEvse => ({
  evse_uid,
  status,
  connectors,
  showConnectors,
});

/** Munich and Stuttgart, with the ids of the docs' examples. */
export const LOCATIONS: DocsLocation[] = [
  {
    location_id: "DE-ENB-E123456",
    name: "EnBW Schnellladepark Marienplatz",
    address: "Marienplatz 1, 80331 München",
    city: "München",
    lat: 48.1374,
    lng: 11.5755,
    cpo_name: "EnBW",
    supports_reservation: true,
    estimated_price: 18.75,
    evses: [
      evse("DE*ENB*E123456*1", "AVAILABLE", [CCS(150)]),
      evse("DE*ENB*E123456*2", "AVAILABLE", [TYPE2(22)], false),
      evse("DE*ENB*E123456*3", "CHARGING", [CCS(150)]),
    ],
  },
  {
    location_id: "DE-MUC-E000101",
    name: "Parkhaus Leopoldstraße",
    address: "Leopoldstraße 82, 80802 München",
    city: "München",
    lat: 48.16,
    lng: 11.586,
    cpo_name: "Stadtwerke München",
    supports_reservation: true,
    estimated_price: 9.4,
    evses: [evse("DE*SWM*E000101*1", "AVAILABLE", [TYPE2(11)]), evse("DE*SWM*E000101*2", "AVAILABLE", [TYPE2(11)])],
  },
  {
    location_id: "DE-MUC-E000202",
    name: "Messe Riem",
    address: "Messegelände, 81823 München",
    city: "München",
    lat: 48.135,
    lng: 11.698,
    cpo_name: "Ionity",
    supports_reservation: false,
    estimated_price: 24.9,
    evses: [evse("DE*ION*E000202*1", "AVAILABLE", [CCS(300)]), evse("DE*ION*E000202*2", "OUTOFORDER", [CCS(300)])],
  },
  {
    location_id: "DE-MUC-E000303",
    name: "Olympiapark Nord",
    address: "Spiridon-Louis-Ring 21, 80809 München",
    city: "München",
    lat: 48.173,
    lng: 11.55,
    cpo_name: "Allego",
    supports_reservation: true,
    estimated_price: 12.05,
    evses: [
      evse("DE*ALG*E000303*1", "AVAILABLE", [CCS(50), TYPE2(43)]),
      evse("DE*ALG*E000303*2", "AVAILABLE", [TYPE2(22)], false),
    ],
  },
  {
    location_id: "DE-ALG-E456789",
    name: "Allego Stuttgart Hauptbahnhof",
    address: "Arnulf-Klett-Platz 2, 70173 Stuttgart",
    city: "Stuttgart",
    lat: 48.7758,
    lng: 9.1829,
    cpo_name: "Allego",
    supports_reservation: true,
    estimated_price: 15.2,
    evses: [evse("DE*ALG*E456789*1", "AVAILABLE", [CCS(150)]), evse("DE*ALG*E456789*2", "AVAILABLE", [TYPE2(22)])],
  },
];
