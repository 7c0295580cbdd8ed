import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.tsx';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
};

/** A labelled input whose hint and error are read out with it by screen readers. */
export function TextField({ label, hint, error, onChange, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <input {...input} {...control} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldFrame>
  );
}
