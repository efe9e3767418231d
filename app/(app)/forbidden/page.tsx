// Where a page the active role may not open sends the user: inside the app shell, so the navigation stays.
import Link from "next/link";
import { PAGES, type PageKey } from "@/lib/auth/permissions";

export const metadata = { title: "No access" };

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = (await searchParams).page as PageKey | undefined;
  const label = page && page in PAGES ? PAGES[page].label : "that page";
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to {label}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Your role in this fleet does not include it. Ask a fleet admin if you think you need it.
      </p>
      <Link href="/" className="mt-4 inline-block underline">
        Go to your start page
      </Link>
    </div>
  );
}
