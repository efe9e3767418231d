"use client";
// Joining a fleet with an invitation code: signed in, or signing up (or in) in the same step.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { JoinResult } from "@/lib/invitations/redeem";
import { JoinBanner } from "./join-banner";
import { JoinWithCodeForm } from "./join-with-code-form-client";
import { SignInAndJoinForm } from "./sign-in-and-join-form-client";
import { SignUpAndJoinForm } from "./sign-up-and-join-form-client";

const MODES = [
  { mode: "sign-up", key: "signUp" },
  { mode: "sign-in", key: "signIn" },
] as const;
type Mode = (typeof MODES)[number]["mode"];

export function JoinForm({
  initialCode,
  signedInAs,
}: {
  initialCode: string;
  signedInAs: { name: string; email: string } | null;
}) {
  const t = useTranslations("join");
  const [mode, setMode] = useState<Mode>("sign-up");
  const [joined, setJoined] = useState("");

  function land({ fleetName, alreadyMember }: JoinResult) {
    setJoined(alreadyMember ? t("alreadyMember", { fleet: fleetName }) : t("welcome", { fleet: fleetName }));
    // A full load, so the shell and the session pick up the new membership.
    window.location.assign(alreadyMember ? "/" : "/my-bookings");
  }

  return (
    <Card className="space-y-4">
      {joined && <JoinBanner tone="success">{joined}</JoinBanner>}
      {signedInAs ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t.rich("signedInAs", { email: signedInAs.email, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <JoinWithCodeForm initialCode={initialCode} onJoined={land} />
        </>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 text-sm dark:bg-slate-800" role="tablist">
            {MODES.map((m) => (
              <button
                key={m.mode}
                type="button"
                role="tab"
                aria-selected={mode === m.mode}
                onClick={() => setMode(m.mode)}
                className={cn("rounded px-3 py-1.5", mode === m.mode && "bg-white shadow-sm dark:bg-slate-900")}
              >
                {t(`modes.${m.key}`)}
              </button>
            ))}
          </div>
          {/* Each way has its own form, so switching starts it afresh. */}
          {mode === "sign-up" ? (
            <SignUpAndJoinForm initialCode={initialCode} onJoined={land} />
          ) : (
            <SignInAndJoinForm initialCode={initialCode} onJoined={land} />
          )}
        </>
      )}
    </Card>
  );
}
