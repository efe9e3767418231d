// The invitation code field every way of joining shares.
import { forwardRef } from "react";
import { useTranslations } from "next-intl";
import { InputField, type InputFieldProps } from "@/components/ui/field";

const CODE_SHAPE = "XXXX-XXXX-XXXX-XXXX-XXXX";

export const CodeField = forwardRef<HTMLInputElement, Omit<InputFieldProps, "label">>(function CodeField(props, ref) {
  const t = useTranslations("join.code");
  return (
    <InputField
      ref={ref}
      label={t("label")}
      autoCapitalize="characters"
      autoComplete="off"
      spellCheck={false}
      placeholder={CODE_SHAPE}
      className="font-mono tracking-wider"
      hint={t("hint")}
      {...props}
    />
  );
});
