// The resolver of a form validated by a zod schema: the plain messages, and the schema's own ones, in the
// reader's language.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { plainErrors, translateSchemaMessage, type ValidationTranslator } from "@/lib/validation/plain-errors";

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

/** Field errors nest as the values do ("items.2.driverId"); `ref` is the field's element, never walked. */
function translateErrors(errors: unknown, t: ValidationTranslator): void {
  if (!errors || typeof errors !== "object") return;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === "ref" || key === "types") continue;
    if (key === "message" && typeof value === "string") {
      (errors as Record<string, unknown>).message = translateSchemaMessage(value, t);
    } else translateErrors(value, t);
  }
}
