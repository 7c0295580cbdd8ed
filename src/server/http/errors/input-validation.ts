import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { Language } from '../language.ts';

/** A request part (body, query, params) that failed its contract schema. */
export class InputValidationError extends Error {
  readonly issues: z.core.$ZodIssue[];
  readonly statusCode = 400;

  constructor(issues: z.core.$ZodIssue[]) {
    super('input does not match the contract');
    this.name = 'InputValidationError';
    this.issues = issues;
  }
}

/**
 * Validates with the route's zod contract. Keeps the raw input type of each issue so the
 * message can tell a missing field from a wrong one; the input itself is never logged or echoed.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new InputValidationError(result.error.issues) };
  };

export type FieldProblem = { path: string; message: string };

const typeNames: Record<Language, Record<string, string>> = {
  ru: { string: 'строка', number: 'число', boolean: 'да/нет', object: 'объект', array: 'список' },
  en: {
    string: 'text',
    number: 'a number',
    boolean: 'true/false',
    object: 'an object',
    array: 'a list',
  },
};

function describe(issue: z.core.$ZodIssue, language: Language): string {
  const ru = language === 'ru';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return ru ? 'Обязательное поле.' : 'This field is required.';
      const expected = typeNames[language][issue.expected] ?? issue.expected;
      return ru ? `Неверный тип: нужно ${expected}.` : `Wrong type: expected ${expected}.`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return ru
          ? `Слишком коротко: нужно не меньше ${issue.minimum} символов.`
          : `Too short: at least ${issue.minimum} characters.`;
      }
      return ru
        ? `Слишком мало: минимум ${issue.minimum}.`
        : `Too small: at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        return ru
          ? `Слишком длинно: не больше ${issue.maximum} символов.`
          : `Too long: at most ${issue.maximum} characters.`;
      }
      return ru
        ? `Слишком много: максимум ${issue.maximum}.`
        : `Too large: at most ${issue.maximum}.`;
    case 'invalid_format':
      return ru ? 'Неверный формат.' : 'Invalid format.';
    case 'unrecognized_keys':
      return ru ? 'Неизвестное поле.' : 'Unknown field.';
    case 'custom': {
      const localised = (
        issue.params as { message?: Partial<Record<Language, string>> } | undefined
      )?.message;
      return localised?.[language] ?? (ru ? 'Неверное значение.' : 'Invalid value.');
    }
    case 'invalid_value':
      return ru ? 'Недопустимое значение.' : 'Value not allowed.';
    default:
      return ru ? 'Неверное значение.' : 'Invalid value.';
  }
}

/** One problem per field, named by its dotted path within the request part. */
export function describeInputIssues(
  issues: z.core.$ZodIssue[],
  part: string,
  language: Language,
): FieldProblem[] {
  return issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)];
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key]) : [base];
    const message = describe(issue, language);
    return paths.map((path) => ({ path: path.join('.'), message }));
  });
}
