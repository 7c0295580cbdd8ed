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

  /** Forgets the last failure, e.g. when a check on this side stops the next request. */
  const clearError = useCallback(() => setError(null), []);

  return { submitting, error, submit, clearError };
}
