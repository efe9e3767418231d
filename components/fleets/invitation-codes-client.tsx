"use client";
// Invitation codes: the dashboard's own (issue, copy once, revoke) and the active ones Plugsurfing holds.
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { LocalTime } from "@/components/ui/local-time";
import { CopyButton } from "@/components/fleets/copy-button-client";
import {
  issueInvitationCodeAction,
  listPlugsurfingCodesAction,
  revokeInvitationCodeAction,
} from "@/lib/actions/invitations";
import { issueInvitationCodeInput } from "@/lib/invitations/schemas";
import type { CodeStatus, InvitationCodeSummary } from "@/lib/invitations/invitation-codes";

const STATUS: Record<CodeStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  revoked: { label: "Revoked", tone: "danger" },
  "used-up": { label: "Used up", tone: "warning" },
};

const noSubscription = () => () => {};

function IssuedCode({ code }: { code: string }) {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const link = `${origin}/join/${code}`;
  return (
    <div className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950" role="status" data-testid="issued-code">
      <p>New code — copy it now, it is shown only once (only a fingerprint is kept):</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="rounded bg-white px-2 py-1 font-mono text-base tracking-wider dark:bg-slate-900"
          data-testid="issued-code-value"
        >
          {code}
        </code>
        <CopyButton value={code} label="Copy code" />
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span className="break-all font-mono text-xs" data-testid="issued-code-link">
          {link}
        </span>
        <CopyButton value={link} label="Copy join link" />
      </p>
    </div>
  );
}

function IssueCodeForm({ fleetId }: { fleetId: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState("");
  const [issued, setIssued] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { fleetId, expiresInDays: form.get("expiresInDays"), maxUses: form.get("maxUses") };
    setFormError("");
    const parsed = issueInvitationCodeInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    setErrors({});
    setPending(true);
    const result = await issueInvitationCodeAction(parsed.data);
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      if (!result.error.fieldErrors) setFormError(result.error.message);
      return;
    }
    setIssued(result.data.code);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Issue an invitation code">
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label="Valid for (days)"
          name="expiresInDays"
          type="number"
          min={1}
          max={90}
          defaultValue={14}
          error={errors.expiresInDays}
        />
        <InputField
          label="Maximum uses"
          name="maxUses"
          type="number"
          min={1}
          max={1000}
          defaultValue={10}
          error={errors.maxUses}
        />
      </div>
      {formError && <p className="text-sm text-red-600 dark:text-red-400">{formError}</p>}
      {issued && <IssuedCode code={issued} />}
      <Button type="submit" loading={pending}>
        Issue code
      </Button>
    </form>
  );
}

function CodeRow({ fleetId, code }: { fleetId: string; code: InvitationCodeSummary }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  async function revoke() {
    setPending(true);
    const result = await revokeInvitationCodeAction({ fleetId, codeId: code.id });
    setPending(false);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }
  return (
    <tr className="border-t border-slate-200 dark:border-slate-800" data-testid={`code-${code.hint}`}>
      <td className="px-3 py-2 font-mono">{code.hint}-…</td>
      <td className="px-3 py-2">
        <Badge tone={STATUS[code.status].tone}>{STATUS[code.status].label}</Badge>
      </td>
      <td className="px-3 py-2">
        {code.uses} / {code.maxUses}
      </td>
      <td className="px-3 py-2">
        <LocalTime iso={code.expiresAt} />
      </td>
      <td className="px-3 py-2">
        {code.status === "active" && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            loading={pending}
            onClick={revoke}
            aria-label={`Revoke code ${code.hint}`}
          >
            Revoke
          </Button>
        )}
        {error && <p className="text-sm text-red-600">{error}</p>}
      </td>
    </tr>
  );
}

function PlugsurfingCodes({ fleetId }: { fleetId: string }) {
  const codes = useQuery({
    queryKey: ["fleets", fleetId, "plugsurfing-codes"],
    queryFn: async () => {
      const result = await listPlugsurfingCodesAction({ fleetId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  if (codes.isPending) return <Spinner label="Asking Plugsurfing…" />;
  if (codes.isError) {
    return (
      <p className="text-sm text-red-600 dark:text-red-400">
        {codes.error.message}{" "}
        <button type="button" className="underline" onClick={() => codes.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (codes.data.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No active codes at Plugsurfing.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Plugsurfing invitation codes">
      {codes.data.map((code) => (
        <li key={code} className="flex items-center gap-2">
          <code className="rounded bg-slate-100 px-2 py-1 font-mono dark:bg-slate-800">{code}</code>
          <CopyButton value={code} />
        </li>
      ))}
    </ul>
  );
}

export function InvitationCodes({ fleetId, codes }: { fleetId: string; codes: InvitationCodeSummary[] }) {
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h3 className="font-medium">Dashboard codes</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Drivers sign up at <span className="font-mono">/join</span> with a code and become drivers of this fleet.
        </p>
        <IssueCodeForm fleetId={fleetId} />
        {codes.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full text-left text-sm" aria-label="Dashboard invitation codes">
              <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                <tr>
                  <th className="px-3 py-2">Code</th>
                  <th className="px-3 py-2">Status</th>
                  <th className="px-3 py-2">Uses</th>
                  <th className="px-3 py-2">Expires</th>
                  <th className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {codes.map((c) => (
                  <CodeRow key={c.id} fleetId={fleetId} code={c} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="space-y-2">
        <h3 className="font-medium">Plugsurfing codes</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Codes drivers enter in Plugsurfing apps to join this fleet there.
        </p>
        <PlugsurfingCodes fleetId={fleetId} />
      </section>
    </div>
  );
}
