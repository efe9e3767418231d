// The invitation code field every way of joining shares.
import { forwardRef } from "react";
import { InputField, type InputFieldProps } from "@/components/ui/field";

export const CodeField = forwardRef<HTMLInputElement, Omit<InputFieldProps, "label">>(function CodeField(props, ref) {
  return (
    <InputField
      ref={ref}
      label="Invitation code"
      autoCapitalize="characters"
      autoComplete="off"
      spellCheck={false}
      placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
      className="font-mono tracking-wider"
      hint="From your fleet admin. Case and dashes do not matter."
      {...props}
    />
  );
});
