import type { FieldProblem } from '../domain/documents/document-field.ts';
import type { FactProblem } from '../domain/rules/case-facts.ts';

/**
 * The stable codes of everything a use case refuses. Each adapter maps a code once (HTTP status,
 * CLI exit code); the internal message is for logs and never carries personal data.
 */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'SECOND_FACTOR_REQUIRED'
  | 'TOTP_ENROLMENT_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CODE'
  | 'WEAK_PASSWORD'
  | 'TOKEN_INVALID'
  | 'CONFLICT'
  | 'KEY_UNAVAILABLE'
  | 'SEALED_DATA_REFUSED'
  | 'FACTS_REFUSED'
  | 'CASE_NOT_OPEN'
  | 'CASE_MERGED'
  | 'SPREADSHEET_UNREADABLE'
  | 'IMPORT_REFUSED'
  | 'TELEGRAM_NOT_CONFIGURED'
  | 'DOCUMENT_FIELDS_MISSING'
  | 'EVIDENCE_TOO_LARGE'
  | 'EVIDENCE_TYPE_REFUSED'
  | 'EVIDENCE_REFUSED'
  | 'EVIDENCE_NOT_REVIEWED';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra, client-safe facts for the message (e.g. which password rule failed). */
  readonly detail: string | undefined;

  constructor(code: AppErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
}

/** Facts the domain refuses (an event before the detention, a hearing before the filing). */
export class FactsRefusedError extends AppError {
  readonly problems: FactProblem[];

  constructor(problems: FactProblem[]) {
    super(
      'FACTS_REFUSED',
      `refused: ${problems.map((problem) => problem.path.join('.')).join(', ')}`,
    );
    this.problems = problems;
  }
}

/**
 * A document that cannot be made as it stands: every missing or malformed field, named, before
 * anything is generated.
 */
export class DocumentFieldsError extends AppError {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(
      'DOCUMENT_FIELDS_MISSING',
      `document refused: ${problems.map((problem) => problem.field).join(', ')}`,
    );
    this.problems = problems;
  }
}
