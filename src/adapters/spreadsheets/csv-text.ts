/**
 * The text of an uploaded CSV file. Russian Excel saves CSV in Windows-1251 unless told
 * otherwise, and with semicolons between fields; other tools write UTF-8 and commas. Both are
 * recognised from the bytes, not from what the browser claimed.
 */
export function decodeCsvText(bytes: Uint8Array): string | null {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark, tab-separated.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.includes(0)) return null;
  const withoutBom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    return new TextDecoder('windows-1251').decode(withoutBom);
  }
}

const delimiters = [';', ',', '\t'] as const;

/** The separator of the first record: whichever of ; , and tab it holds most of, outside quotes. */
export function detectDelimiter(text: string): (typeof delimiters)[number] {
  const counts = new Map<string, number>(delimiters.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character))
      counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: (typeof delimiters)[number] = ',';
  for (const delimiter of delimiters) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}
