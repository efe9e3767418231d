"use client";
// The keys page's forms, loaded after the page: react-hook-form and the key schemas (zod) are not part of
// its first load. The move dialog is closed until a row asks for it, so it shows nothing while it loads.
import dynamic from "next/dynamic";
import { FormLoading } from "@/components/ui/form-loading";

export const CreateKeyForm = dynamic(() => import("./create-key-form-client").then((m) => m.CreateKeyForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const MoveKeyDialog = dynamic(() => import("./move-key-dialog-client").then((m) => m.MoveKeyDialog), {
  ssr: false,
});
