"use client";
// `useZodForm` (components/ui/zod-form.ts) for a page whose first load should carry no zod.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useForm, type FieldValues, type Resolver, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ValidationTranslator } from "@/lib/validation/plain-errors";

/**
 * `useZodForm` with a schema loaded when the form first validates (and fetched as soon as the form shows),
 * so zod is not part of the page's first load: `useLazyZodForm(() => import("…").then((m) => m.schema))`.
 * The loader must be the same function on every render (declare it at module level).
 */
export function useLazyZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  load: () => Promise<S>,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const t = useTranslations("validation");
  const resolver = useMemo(() => {
    const translate: ValidationTranslator = (key, values) => t(key, values);
    const ready = Promise.all([load(), import("./zod-resolver")]).then(([schema, m]) =>
      m.zodFormResolver<S>(schema as S, translate),
    );
    const lazy: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, opts) =>
      (await ready)(values, context, opts);
    return lazy;
  }, [load, t]);
  return useForm<z.input<S>, unknown, z.output<S>>({
    mode: "onTouched",
    ...options,
    resolver,
  });
}
