/**
 * Tells every open staff app of an organisation, on every app instance, that its live board or
 * alerts changed; the apps then read the board again. Carries the organisation's id only.
 */
export interface LiveUpdates {
  /** Best effort: a lost notice is repaired by the next one, or by the app's periodic reread. */
  publish(orgId: string): Promise<void>;
  /** Called for every change of any organisation; returns the unsubscribe function. */
  subscribe(listener: (orgId: string) => void): () => void;
}
