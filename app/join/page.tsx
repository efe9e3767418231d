import { JoinPage } from "@/components/join/join-page";

export const metadata = { title: "Join a fleet" };

/** Open to everyone (the proxy lets /join through): new drivers sign up here with their code. */
export default function Page() {
  return <JoinPage code="" />;
}
