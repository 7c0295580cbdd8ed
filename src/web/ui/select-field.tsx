import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.tsx';

export type Option<T extends string> = { value: T; label: string };

type SelectFieldProps<T extends string> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'onChange' | 'value'
> & {
  label: string;
  value: T | '';
  options: readonly Option<T>[];
  /** The empty choice shown first, for "not chosen yet". */
  placeholder: string;
  onChange: (value: T | '') => void;
  error?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
};

/** A labelled drop-down whose error is read out with it, like TextField. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  placeholder,
  onChange,
  error,
  ...select
}: SelectFieldProps<T>) {
  const chosen = (raw: string): T | '' =>
    options.find((option) => option.value === raw)?.value ?? '';
  return (
    <FieldFrame label={label} error={error}>
      {(control) => (
        <select
          {...select}
          {...control}
          value={value}
          onChange={(event) => onChange(chosen(event.target.value))}
        >
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
