import { redirect } from "next/navigation";
import { getCurrentUser, landingPathFor } from "@/lib/auth/session";

/** Sends each person where their role starts: drivers to their bookings, dispatchers to the map… */
export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? await landingPathFor(user) : "/login");
}
