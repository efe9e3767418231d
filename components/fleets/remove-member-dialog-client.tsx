"use client";
// "Remove … from this fleet?": for a driver, also offers to switch off their charging keys in this fleet.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useAction, failureOf } from "@/components/ui/use-action";
import { removeMemberAction } from "@/lib/actions/fleets";
import type { MemberRow } from "./member-row-client";

export function RemoveMemberDialog({
  fleetId,
  member,
  open,
  onOpenChange,
}: {
  fleetId: string;
  member: MemberRow;
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const t = useTranslations("fleets.removeDialog");
  const common = useTranslations("common");
  const router = useRouter();
  const [disableKeys, setDisableKeys] = useState(true);
  const remove = useAction(removeMemberAction, {
    onSuccess: () => {
      onOpenChange(false);
      router.refresh();
    },
  });
  const isDriver = member.role === "DRIVER";
  const close = (next: boolean) => {
    if (!next) remove.reset();
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      role="alertdialog"
      title={t("title", { name: member.name })}
      description={t("description", { email: member.email })}
    >
      <div className="space-y-3 text-sm">
        {isDriver && member.enabledKeys > 0 && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={disableKeys} onChange={(e) => setDisableKeys(e.target.checked)} />
            {t("disableKeys", { count: member.enabledKeys })}
          </label>
        )}
        {remove.error && (
          <p className="text-red-600 dark:text-red-400" role="alert" data-testid="member-error">
            {failureOf(remove.error)?.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => close(false)}>
            {common("actions.cancel")}
          </Button>
          <Button
            type="button"
            variant="danger"
            loading={remove.isPending}
            onClick={() => remove.mutate({ fleetId, userId: member.userId, disableKeys: isDriver && disableKeys })}
          >
            {common("actions.remove")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
