import { useId } from 'react';
import type { Option } from './select-field.tsx';

type ChoiceGroupProps<T extends string> = {
  legend: string;
  value: T | '';
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  required?: boolean;
  error?: string | undefined;
};

/**
 * Radio buttons in a fieldset: the legend names the question, each label one answer. The error
 * describes every button, since screen readers read a fieldset's description unreliably.
 */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  options,
  onChange,
  required = false,
  error,
}: ChoiceGroupProps<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'field choice-group invalid' : 'field choice-group'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            required={required}
            aria-describedby={error ? errorId : undefined}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
