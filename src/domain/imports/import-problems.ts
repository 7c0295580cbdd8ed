import type { Message } from './cell-readings.ts';
import type { RowProblem } from './import-row.ts';

/** The letters a spreadsheet shows over a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A column as a person finds it in the file: its letter and, when it has one, its header. */
export function describeColumn(index: number, headers: readonly string[]): string {
  const header = headers[index]?.trim();
  return header ? `${columnLetter(index)} «${header}»` : columnLetter(index);
}

/**
 * One row problem as a sentence in the language asked for: where (line, column) and why. The
 * cell's value is never repeated: the report may end up in a log or a terminal's scrollback.
 */
export function describeRowProblem(
  problem: RowProblem,
  headers: readonly string[],
  language: keyof Message,
): string {
  const where =
    problem.column === null
      ? language === 'ru'
        ? `Строка ${problem.line}`
        : `Line ${problem.line}`
      : language === 'ru'
        ? `Строка ${problem.line}, столбец ${describeColumn(problem.column, headers)}`
        : `Line ${problem.line}, column ${describeColumn(problem.column, headers)}`;
  return `${where}: ${problem.message[language]}`;
}
