"use client";
// Joining a fleet with an invitation code: signed in, or signing up (or in) in the same step.
import { useState, type FormEvent, type ReactNode } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { joinWithCodeAction, signUpAndJoinAction } from "@/lib/actions/invitations";
import { joinWithCodeInput, signUpAndJoinInput } from "@/lib/invitations/schemas";
import { signInInput } from "@/lib/auth/schemas";
import { describeSignInError } from "@/components/auth/sign-in-form-client";

type Errors = Record<string, string[] | undefined>;
type Mode = "sign-up" | "sign-in";

function issuesToErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Errors {
  const errors: Errors = {};
  for (const i of issues) (errors[String(i.path[0])] ??= []).push(i.message);
  return errors;
}

function Banner({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p
      className={cn(
        "rounded-md p-3 text-sm",
        tone === "error"
          ? "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
          : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
      )}
      data-testid={tone === "error" ? "join-error" : "join-success"}
    >
      {children}
    </p>
  );
}

export function JoinForm({
  initialCode,
  signedInAs,
}: {
  initialCode: string;
  signedInAs: { name: string; email: string } | null;
}) {
  const [mode, setMode] = useState<Mode>("sign-up");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [joined, setJoined] = useState("");
  const [pending, setPending] = useState(false);

  function fail(error: { message: string; fieldErrors?: Errors }) {
    setErrors(error.fieldErrors ?? {});
    // A code problem is shown beside the code field; anything else above the form.
    setFormError(error.fieldErrors ? "" : error.message);
  }

  function land(fleetName: string, alreadyMember: boolean) {
    setJoined(
      alreadyMember ? `You are already a member of ${fleetName}.` : `Welcome to ${fleetName}! You joined as a driver.`,
    );
    // A full load, so the shell and the session pick up the new membership.
    window.location.assign(alreadyMember ? "/" : "/my-bookings");
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setFormError("");
    setErrors({});

    if (signedInAs) {
      const parsed = joinWithCodeInput.safeParse(form);
      if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
      setPending(true);
      const result = await joinWithCodeAction(parsed.data);
      setPending(false);
      return result.ok ? land(result.data.fleetName, result.data.alreadyMember) : fail(result.error);
    }

    if (mode === "sign-up") {
      const parsed = signUpAndJoinInput.safeParse(form);
      if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
      setPending(true);
      const result = await signUpAndJoinAction(parsed.data);
      if (!result.ok) {
        setPending(false);
        return fail(result.error);
      }
      const session = await signIn("credentials", {
        email: parsed.data.email,
        password: parsed.data.password,
        redirect: false,
      });
      setPending(false);
      if (!session || session.error) {
        setFormError(
          `You joined ${result.data.fleetName}, but signing in did not work. Please sign in on the sign-in page.`,
        );
        return;
      }
      return land(result.data.fleetName, false);
    }

    // An existing account: sign in first, then redeem as that user.
    const credentials = signInInput.safeParse(form);
    const code = joinWithCodeInput.safeParse(form);
    if (!credentials.success || !code.success) {
      return setErrors({
        ...issuesToErrors(credentials.error?.issues ?? []),
        ...issuesToErrors(code.error?.issues ?? []),
      });
    }
    setPending(true);
    const session = await signIn("credentials", { ...credentials.data, redirect: false });
    if (!session || session.error) {
      setPending(false);
      return setFormError(describeSignInError(session?.error ?? "unknown"));
    }
    const result = await joinWithCodeAction(code.data);
    setPending(false);
    if (!result.ok) {
      // Signed in now: the next attempt only needs the code.
      window.history.replaceState(null, "", window.location.pathname);
      return fail(result.error);
    }
    land(result.data.fleetName, result.data.alreadyMember);
  }

  const codeField = (
    <InputField
      label="Invitation code"
      name="code"
      defaultValue={initialCode}
      autoCapitalize="characters"
      autoComplete="off"
      spellCheck={false}
      placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
      className="font-mono tracking-wider"
      hint="From your fleet admin. Case and dashes do not matter."
      error={errors.code}
    />
  );

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Join a fleet">
        {formError && <Banner tone="error">{formError}</Banner>}
        {joined && <Banner tone="success">{joined}</Banner>}
        {signedInAs ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Signed in as <strong>{signedInAs.email}</strong>.
          </p>
        ) : (
          <div className="grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 text-sm dark:bg-slate-800" role="tablist">
            {(["sign-up", "sign-in"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => {
                  setMode(m);
                  setErrors({});
                  setFormError("");
                }}
                className={cn("rounded px-3 py-1.5", mode === m && "bg-white shadow-sm dark:bg-slate-900")}
              >
                {m === "sign-up" ? "I'm new here" : "I have an account"}
              </button>
            ))}
          </div>
        )}
        {!signedInAs && mode === "sign-up" && (
          <InputField label="Your name" name="name" autoComplete="name" error={errors.name} />
        )}
        {!signedInAs && (
          <>
            <InputField label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
            <InputField
              label="Password"
              name="password"
              type="password"
              autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
              hint={mode === "sign-up" ? "At least 10 characters." : undefined}
              error={errors.password}
            />
          </>
        )}
        {codeField}
        <Button type="submit" className="w-full" loading={pending}>
          {signedInAs || mode === "sign-in" ? "Join fleet" : "Create account and join"}
        </Button>
      </form>
    </Card>
  );
}
