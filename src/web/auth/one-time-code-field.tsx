import { TextField } from '../ui/text-field.tsx';

type OneTimeCodeFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
};

/** The six digits of an authenticator app; phones offer a digit keypad and can fill it in. */
export function OneTimeCodeField({ label, value, onChange, error }: OneTimeCodeFieldProps) {
  return (
    <TextField
      label={label}
      name="code"
      className="code-input"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="\d{3}\s?\d{3}"
      maxLength={7}
      required
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
