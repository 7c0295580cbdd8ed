/**
 * A staff member's key pair with its private half unlocked, for the length of one request.
 * Opaque outside the crypto adapter: nothing else can read the secret inside it.
 */
export interface UnlockedIdentity {
  readonly userId: string;
  readonly publicKey: string;
}

/** A record's data key, opened for one request. Opaque outside the crypto adapter. */
export interface DataKey {
  readonly keyId: string;
}

/** Where a sealed value belongs; bound into its ciphertext, so it cannot be moved elsewhere. */
export type SealContext = { table: string; recordId: string; field: string };

export class SealedDataError extends Error {
  override readonly name = 'SealedDataError';
  readonly context: SealContext;

  constructor(context: SealContext, reason: string) {
    super(`sealed ${context.table}.${context.field} of ${context.recordId} refused: ${reason}`);
    this.context = context;
  }
}

/** Staff key pairs: created and locked with the password, carried by sessions. */
export interface StaffKeys {
  /** A new key pair, its private half locked under a key derived from the password. */
  createIdentity(
    userId: string,
    password: string,
  ): Promise<{ identity: UnlockedIdentity; lockedPrivateKey: string }>;
  /** Null when the password does not open the locked key. */
  unlockIdentity(
    userId: string,
    publicKey: string,
    lockedPrivateKey: string,
    password: string,
  ): Promise<UnlockedIdentity | null>;
  /**
   * The private key wrapped under a secret derived from the session token, which only the
   * session cookie carries: any app instance can serve the session, a seized database cannot.
   */
  wrapForSession(identity: UnlockedIdentity, sessionId: string, sessionToken: string): string;
  unwrapFromSession(
    userId: string,
    publicKey: string,
    wrapped: string,
    sessionId: string,
    sessionToken: string,
  ): UnlockedIdentity | null;
  /** A key pair whose private half is handed out once (escrow), never stored. */
  createEscrowKeyPair(): { publicKey: string; privateKey: string };
  /** Opens an escrow identity from its private key (read from a file or stdin by the operator). */
  escrowIdentity(orgId: string, publicKey: string, privateKey: string): UnlockedIdentity | null;
}

/** Per-record data keys and the fields sealed with them. */
export interface RecordSealing {
  newDataKey(): DataKey;
  /** The data key sealed to a recipient's public key (anonymous sealed box). */
  sealDataKey(dataKey: DataKey, recipientPublicKey: string): string;
  /** Null when the identity is not the recipient or the wrap was altered. */
  openDataKey(keyId: string, sealedDataKey: string, identity: UnlockedIdentity): DataKey | null;
  seal(dataKey: DataKey, context: SealContext, plaintext: string): string;
  /** Throws SealedDataError for a tampered, truncated, swapped or foreign ciphertext. */
  open(dataKey: DataKey, context: SealContext, ciphertext: string): string;
}

/**
 * Files sealed in chunks (streaming AEAD), each under its own random file key. The file key
 * comes back as text to be sealed at once under the case's data key, like any sealed field, so
 * rotating or destroying the case key covers files without touching their chunks.
 */
export interface FileSealing {
  seal(context: SealContext, bytes: Uint8Array): { fileKey: string; chunks: Uint8Array[] };
  /** Throws SealedDataError for a chunk altered, reordered, dropped or sealed elsewhere. */
  open(context: SealContext, fileKey: string, chunks: readonly Uint8Array[]): Uint8Array;
}
