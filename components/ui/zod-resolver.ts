// The resolver of a form validated by a zod schema: the plain messages, and the schema's own ones, in the
// reader's language.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { plainErrors, type ValidationTranslator } from "@/lib/validation/plain-errors";
import { translateErrors } from "./form-errors";

export function zodFormResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  translate: ValidationTranslator,
): Resolver<z.input<S>, unknown, z.output<S>> {
  const base = zodResolver(schema as never, plainErrors(translate)) as unknown as Resolver<
    z.input<S>,
    unknown,
    z.output<S>
  >;
  return async (values, context, opts) => {
    const result = await base(values, context, opts);
    translateErrors(result.errors, translate);
    return result;
  };
}
