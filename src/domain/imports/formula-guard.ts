/**
 * Characters with which a spreadsheet program may start a formula or a command when the text is
 * opened or pasted (= + - @, and a tab or carriage return that shifts it into the next cell).
 * OWASP's advice on CSV injection: prefix such text with an apostrophe on export.
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text as it may safely go into an exported cell: names, notes and phones come from people
 * outside the organisation, and "=HYPERLINK(…)" in a name must stay text in whatever program
 * opens the file, or the file is resaved as CSV. A leading apostrophe makes it text.
 */
export function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  return formulaStarts.has(first) ? `'${text}` : text;
}

/**
 * The text before `neutraliseFormula`: an exported list imported again gets back the values it
 * was made from ("'+7 916…" is the phone "+7 916…"). Only the apostrophe the export adds is
 * removed; any other text stays as written.
 */
export function restoreNeutralisedText(text: string): string {
  return text.startsWith("'") && formulaStarts.has(text.charAt(1)) ? text.slice(1) : text;
}
