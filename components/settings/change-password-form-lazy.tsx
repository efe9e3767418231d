"use client";
// The change-password form, loaded after the settings page: react-hook-form is not part of its first load.
import dynamic from "next/dynamic";
import { FormLoading } from "@/components/ui/form-loading";

export const ChangePasswordForm = dynamic(
  () => import("./change-password-form-client").then((m) => m.ChangePasswordForm),
  { ssr: false, loading: () => <FormLoading /> },
);
