"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/account";
import { changePasswordInput } from "@/lib/auth/schemas";

export function ChangePasswordForm() {
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") };
    setMessage("");
    const parsed = changePasswordInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
      return;
    }
    setPending(true);
    const result = await changePasswordAction(parsed.data);
    setPending(false);
    if (result.ok) {
      setErrors({});
      setMessage("Your password was changed.");
      formElement.reset();
    } else {
      setErrors(result.error.fieldErrors ?? {});
      setMessage(result.error.fieldErrors ? "" : result.error.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <InputField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <InputField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.newPassword}
      />
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}
