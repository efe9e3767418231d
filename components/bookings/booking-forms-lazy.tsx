"use client";
// The booking wizard and the batch form, loaded after their pages: react-hook-form and the booking schemas
// (zod) are not part of either page's first load.
import dynamic from "next/dynamic";
import { FormLoading } from "@/components/ui/form-loading";

export const BookingWizard = dynamic(() => import("./booking-wizard-client").then((m) => m.BookingWizard), {
  ssr: false,
  loading: () => <FormLoading />,
});

export const BatchForm = dynamic(() => import("./batch-form-client").then((m) => m.BatchForm), {
  ssr: false,
  loading: () => <FormLoading />,
});
