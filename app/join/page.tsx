import Link from "next/link";

export const metadata = { title: "Join a fleet" };

export default function JoinPage() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">Join a fleet</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Drivers will enter the invitation code from their fleet admin here to join the fleet. You are not a member of any fleet yet.
        </p>
        <Link href="/login" className="mt-4 inline-block underline">
          Back to sign in
        </Link>
      </div>
    </main>
  );
}
