import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.tsx';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line input whose hint and error are read out with it, like TextField. */
export function TextAreaField({ label, hint, error, onChange, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <textarea {...textarea} {...control} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldFrame>
  );
}
