import { type SelectHTMLAttributes, useId } from 'react';

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
  const id = useId();
  const errorId = `${id}-error`;
  const chosen = (raw: string): T | '' =>
    options.find((option) => option.value === raw)?.value ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(chosen(event.target.value))}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
