// A labelled form field with its hint and its error right beside it.
import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";

const CONTROL =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm dark:bg-slate-900 " +
  "border-slate-300 dark:border-slate-700 aria-[invalid=true]:border-red-500";

interface FieldFrameProps {
  label: string;
  error?: string | string[];
  hint?: ReactNode;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

export function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(message) })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

export interface InputFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | string[];
  hint?: ReactNode;
}

export const InputField = forwardRef<HTMLInputElement, InputFieldProps>(function InputField(
  { label, error, hint, className, ...props },
  ref,
) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={ref}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={cn(CONTROL, className)}
          {...props}
        />
      )}
    </FieldFrame>
  );
});

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | string[];
  hint?: ReactNode;
}

export function SelectField({ label, error, hint, className, children, ...props }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={cn(CONTROL, className)}
          {...props}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
