"use client";
// The odometer form, loaded after the session page: react-hook-form and the session schemas (zod) are not part
// of the page's first load.
import dynamic from "next/dynamic";
import { FormLoading } from "@/components/ui/form-loading";

export const OdometerForm = dynamic(() => import("./odometer-form-client").then((m) => m.OdometerForm), {
  ssr: false,
  loading: () => <FormLoading />,
});
