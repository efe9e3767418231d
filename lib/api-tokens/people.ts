// Memberships of people, not of API tokens' service accounts: for member lists, the last-admin rule and
// whoever is told about something (a token reads its fleet through the API; it is nobody to notify).
import type { Prisma } from "@/generated/prisma/client";

export const PEOPLE_ONLY = { user: { apiTokenAccount: { is: null } } } as const satisfies Prisma.MembershipWhereInput;
