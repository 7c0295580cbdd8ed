/** A backup, restore or copy that cannot go on, with a message for the operator. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
