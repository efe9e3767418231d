"use client";
// The fleet pages' forms, loaded after the page: react-hook-form and the zod schemas are not part of any
// fleet page's first load.
import dynamic from "next/dynamic";
import { FormLoading } from "@/components/ui/form-loading";

export const CreateFleetForm = dynamic(() => import("./create-fleet-form-client").then((m) => m.CreateFleetForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const RenameFleetForm = dynamic(() => import("./rename-fleet-form-client").then((m) => m.RenameFleetForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const SessionLimitForm = dynamic(() => import("./session-limit-form-client").then((m) => m.SessionLimitForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const PolicyForm = dynamic(() => import("./policy-form-client").then((m) => m.PolicyForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const InviteMemberForm = dynamic(() => import("./invite-member-form-client").then((m) => m.InviteMemberForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const IssueCodeForm = dynamic(() => import("./issue-code-form-client").then((m) => m.IssueCodeForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const DepotChargerForm = dynamic(() => import("./depot-charger-form-client").then((m) => m.DepotChargerForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const DepotChargerImport = dynamic(
  () => import("./depot-charger-import-client").then((m) => m.DepotChargerImport),
  { ssr: false, loading: () => <FormLoading /> },
);

export const CreateApiTokenForm = dynamic(
  () => import("./create-api-token-form-client").then((m) => m.CreateApiTokenForm),
  { ssr: false, loading: () => <FormLoading /> },
);

export const CreateWebhookForm = dynamic(
  () => import("./create-webhook-form-client").then((m) => m.CreateWebhookForm),
  { ssr: false, loading: () => <FormLoading /> },
);
