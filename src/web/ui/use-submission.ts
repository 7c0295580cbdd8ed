import { useCallback, useState } from 'react';

/** Runs one request at a time for a form: disables it meanwhile and keeps the failure to show. */
export function useSubmission() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback((action: () => Promise<void>) => {
    setSubmitting(true);
    setError(null);
    action().then(
      () => setSubmitting(false),
      (failure: unknown) => {
        setError(failure);
        setSubmitting(false);
      },
    );
  }, []);

  return { submitting, error, submit };
}
