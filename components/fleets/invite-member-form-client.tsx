"use client";
// Inviting someone by email with a role: an existing account is added, a new one gets a temporary password
// that is shown once.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import { inviteMemberAction } from "@/lib/actions/fleets";
import { inviteMemberInput } from "@/lib/fleets/schemas";
import { CopyButton } from "./copy-button-client";

const FIELDS = ["email", "name", "role"] as const;

function Invited({ email, temporaryPassword }: { email: string; temporaryPassword: string | null }) {
  return (
    <div className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950" role="status" data-testid="invite-result">
      {temporaryPassword ? (
        <>
          <p>
            Account created for <strong>{email}</strong>. Give them this temporary password — it is shown only now:
          </p>
          <p className="mt-2 flex items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono dark:bg-slate-900" data-testid="temporary-password">
              {temporaryPassword}
            </code>
            <CopyButton value={temporaryPassword} label="Copy password" />
          </p>
          <p className="mt-1 text-xs">They can change it under Settings after signing in.</p>
        </>
      ) : (
        <p>
          <strong>{email}</strong> already had an account and was added to this fleet.
        </p>
      )}
    </div>
  );
}

export function InviteMemberForm({ fleetId }: { fleetId: string }) {
  const router = useRouter();
  const empty = { fleetId, email: "", name: "", role: "DRIVER" as const };
  const form = useZodForm(inviteMemberInput, { defaultValues: empty });
  const [formError, setFormError] = useState("");
  const [invited, setInvited] = useState<{ email: string; temporaryPassword: string | null } | null>(null);
  const invite = useAction(inviteMemberAction, { onSuccess: () => router.refresh() });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ email }) => {
    setFormError("");
    setInvited(null);
    invite.mutate(form.getValues(), {
      onSuccess: ({ temporaryPassword }) => {
        setInvited({ email, temporaryPassword });
        form.reset(empty);
      },
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Invite a member">
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <InputField label="Name (for new accounts)" error={errors.name?.message} {...form.register("name")} />
        <SelectField label="Role" error={errors.role?.message} {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      {invited && <Invited {...invited} />}
      <Button type="submit" loading={invite.isPending}>
        Invite
      </Button>
    </form>
  );
}
