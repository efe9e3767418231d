// Demo data for a first start: one organisation, two fleets, one user per role and a few drivers.
// Never runs on a database that already has users, nor in production unless forced.
import { createPrismaClient } from "../../lib/prisma-client";
import { hashPassword } from "../../lib/auth/password";

export const DEMO_PASSWORD = "demo-fleet-2026";

export const DEMO_USERS = [
  { email: "admin@demo.fleet", name: "Ada Admin", roles: { berlin: "ADMIN", munich: "ADMIN" } },
  { email: "dispatcher@demo.fleet", name: "Dan Dispatcher", roles: { berlin: "DISPATCHER", munich: "DISPATCHER" } },
  { email: "manager@demo.fleet", name: "Mia Manager", roles: { berlin: "MANAGER", munich: "MANAGER" } },
  { email: "driver@demo.fleet", name: "Dora Driver", roles: { berlin: "DRIVER" }, driverNo: 1 },
  { email: "driver2@demo.fleet", name: "Dirk Driver", roles: { berlin: "DRIVER" }, driverNo: 2 },
  { email: "driver3@demo.fleet", name: "Dana Driver", roles: { munich: "DRIVER" }, driverNo: 3 },
] as const;

export const DEMO_FLEETS = {
  berlin: { name: "Berlin Vans", plugsurfingFleetId: "demo-berlin-vans", petitMondeFleetGroupId: "group_berlin_vans" },
  munich: {
    name: "Munich Service",
    plugsurfingFleetId: "demo-munich-service",
    petitMondeFleetGroupId: "group_munich_service",
  },
} as const;

const CCS_VAN = { connectorStandards: ["IEC_62196_T2", "IEC_62196_T2_COMBO"], maxAcKw: 11 };

interface DemoVehicle {
  fleet: keyof typeof DEMO_FLEETS;
  plate: string;
  name: string;
  make: string;
  model: string;
  batteryKwh: number;
  connectorStandards: readonly string[];
  maxAcKw: number;
  maxDcKw: number;
  /** The email of the vehicle's default driver. */
  driver?: string;
}

/** The demo fleets' vans: mostly CCS, one whose fast charging is CHAdeMO, some with a regular driver. */
export const DEMO_VEHICLES: readonly DemoVehicle[] = [
  {
    fleet: "berlin",
    plate: "B-BV 101",
    name: "Van 1",
    make: "Mercedes-Benz",
    model: "eSprinter",
    batteryKwh: 113,
    ...CCS_VAN,
    maxDcKw: 115,
    driver: "driver@demo.fleet",
  },
  {
    fleet: "berlin",
    plate: "B-BV 102",
    name: "Van 2",
    make: "Mercedes-Benz",
    model: "eVito",
    batteryKwh: 90,
    ...CCS_VAN,
    maxDcKw: 80,
    driver: "driver2@demo.fleet",
  },
  {
    fleet: "berlin",
    plate: "B-BV 103",
    name: "Van 3",
    make: "Ford",
    model: "E-Transit",
    batteryKwh: 68,
    ...CCS_VAN,
    maxDcKw: 115,
  },
  {
    fleet: "berlin",
    plate: "B-BV 104",
    name: "Van 4",
    make: "Renault",
    model: "Kangoo E-Tech",
    batteryKwh: 45,
    ...CCS_VAN,
    maxAcKw: 22,
    maxDcKw: 80,
  },
  {
    fleet: "berlin",
    plate: "B-BV 105",
    name: "Van 5",
    make: "Nissan",
    model: "e-NV200",
    batteryKwh: 40,
    connectorStandards: ["IEC_62196_T2", "CHADEMO"],
    maxAcKw: 6.6,
    maxDcKw: 46,
  },
  {
    fleet: "munich",
    plate: "M-MS 201",
    name: "Service 1",
    make: "Volkswagen",
    model: "ID. Buzz Cargo",
    batteryKwh: 77,
    ...CCS_VAN,
    maxDcKw: 170,
    driver: "driver3@demo.fleet",
  },
  {
    fleet: "munich",
    plate: "M-MS 202",
    name: "Service 2",
    make: "Volkswagen",
    model: "e-Crafter",
    batteryKwh: 35.8,
    ...CCS_VAN,
    maxAcKw: 7.2,
    maxDcKw: 40,
  },
];

export async function seedDemoData(
  url: string,
  options: { force?: boolean } = {},
): Promise<{ seeded: boolean; reason?: string }> {
  if (process.env.NODE_ENV === "production" && !options.force && process.env.SEED_DEMO_DATA !== "1") {
    return { seeded: false, reason: "NODE_ENV=production (set SEED_DEMO_DATA=1 to seed anyway)" };
  }
  const prisma = createPrismaClient(url);
  try {
    if ((await prisma.user.count()) > 0 || (await prisma.fleet.count()) > 0) {
      return { seeded: false, reason: "the database already has data" };
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name: "Demo Logistics GmbH" } });
      const fleets = {
        berlin: await tx.fleet.create({ data: { organizationId: org.id, ...DEMO_FLEETS.berlin } }),
        munich: await tx.fleet.create({ data: { organizationId: org.id, ...DEMO_FLEETS.munich } }),
      };
      const depots = {
        berlin: await tx.depot.create({
          data: { fleetId: fleets.berlin.id, name: "Berlin depot Tempelhof", latitude: 52.4731, longitude: 13.4036 },
        }),
        munich: await tx.depot.create({
          data: { fleetId: fleets.munich.id, name: "Munich depot Freimann", latitude: 48.1906, longitude: 11.6141 },
        }),
      };
      const userIds = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash } });
        userIds.set(u.email, user.id);
        for (const [fleetKey, role] of Object.entries(u.roles)) {
          await tx.membership.create({
            data: { userId: user.id, fleetId: fleets[fleetKey as keyof typeof fleets].id, role },
          });
        }
        if ("driverNo" in u) {
          const n = u.driverNo;
          await tx.providerIdentity.createMany({
            data: [
              { userId: user.id, kind: "PLUGSURFING_USER_ID", value: `demo-driver-${n}` },
              { userId: user.id, kind: "PETITMONDE_CUSTOMER_ID", value: `cust_demo_${n}` },
              { userId: user.id, kind: "DEPOT_RFID", value: `89C4704${n}` },
            ],
          });
        }
      }
      await tx.vehicle.createMany({
        data: DEMO_VEHICLES.map(({ fleet, driver, connectorStandards, ...v }) => ({
          ...v,
          connectorStandards: [...connectorStandards],
          fleetId: fleets[fleet].id,
          plateKey: v.plate.replace(/[^A-Z0-9]/g, ""),
          homeDepotId: depots[fleet].id,
          defaultDriverId: driver === undefined ? undefined : userIds.get(driver),
        })),
      });
      await tx.auditLog.create({
        data: {
          action: "demo.seed",
          objectType: "Organization",
          objectId: org.id,
          after: { fleets: 2, users: DEMO_USERS.length },
        },
      });
    });
    return { seeded: true };
  } finally {
    await prisma.$disconnect();
  }
}
