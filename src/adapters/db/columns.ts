/** Timestamps are stored as ISO-8601 UTC text on both dialects. */
export function toIso(date: Date): string {
  return date.toISOString();
}

export function fromIso(text: string): Date {
  return new Date(text);
}

export function toIsoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function fromIsoOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

/** PostgreSQL returns count(*) as a string (bigint), SQLite as a number. */
export function toCount(value: string | number | bigint): number {
  return Number(value);
}
