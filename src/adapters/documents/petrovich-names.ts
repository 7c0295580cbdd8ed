import { createRequire } from 'node:module';
import type { DeclineName, GrammaticalCase } from '../../domain/documents/document-field.ts';

type Gender = 'male' | 'female' | 'androgynous';
type NameParts = { first?: string; middle?: string; last?: string; gender?: Gender };
type Petrovich = ((person: NameParts, grammaticalCase: GrammaticalCase) => NameParts) & {
  detect_gender(middle: string): Gender;
};

// petrovich ships CommonJS without types: its shape is written above.
const petrovich = createRequire(import.meta.url)('petrovich') as Petrovich;

/**
 * Declines a full name written surname first ("Примеров Иван Сергеевич") with petrovich. The
 * gender comes from the patronymic; without one it is taken as male, as conscripts are men, and
 * a one-word or foreign name that petrovich does not know is left as written.
 */
export const petrovichDeclineName: DeclineName = (fullName, grammaticalCase) => {
  const words = fullName.trim().split(/\s+/u);
  const [last, first, ...rest] = words;
  if (last === undefined || words.length > 4) return fullName;
  const middle = rest.length > 0 ? rest.join(' ') : undefined;
  const detected = middle === undefined ? 'male' : petrovich.detect_gender(middle);
  const gender: Gender = detected === 'androgynous' ? 'male' : detected;
  const declined = petrovich(
    {
      last,
      ...(first === undefined ? {} : { first }),
      ...(middle === undefined ? {} : { middle }),
      gender,
    },
    grammaticalCase,
  );
  return [declined.last, declined.first, declined.middle]
    .filter((part): part is string => part !== undefined)
    .join(' ');
};
