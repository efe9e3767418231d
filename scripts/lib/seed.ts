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
      await tx.depot.createMany({
        data: [
          { fleetId: fleets.berlin.id, name: "Berlin depot Tempelhof", latitude: 52.4731, longitude: 13.4036 },
          { fleetId: fleets.munich.id, name: "Munich depot Freimann", latitude: 48.1906, longitude: 11.6141 },
        ],
      });
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash } });
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
