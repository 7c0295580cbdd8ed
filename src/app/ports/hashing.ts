export interface Hashing {
  /** SHA-256 of the UTF-8 text, as lower-case hex. */
  sha256Hex(text: string): string;
  /** SHA-256 of the bytes (a generated file), as lower-case hex. */
  sha256HexOfBytes(bytes: Uint8Array): string;
}
