import type { DocumentFieldName, DocumentValues } from '../documents/document-field.ts';
import type { Answers } from '../intake/answers.ts';

function text(answers: Answers, id: string): string | undefined {
  const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Where he was detained, as a document names the place; he adds the station or the address. */
const places: Record<string, string> = {
  metro: 'метро',
  street: 'улица',
  home: 'по месту жительства',
  workplace: 'по месту работы',
};

/**
 * The document fields the guide's answers already fill, by the names the document templates
 * use: dates as YYYY-MM-DD, times as HH:MM. The person adds the rest (names, the court, the
 * prosecutor's office) on the document's own page, and can change any of these there.
 */
export function guideDocumentValues(answers: Answers): DocumentValues {
  const values: DocumentValues = {};
  const set = (field: DocumentFieldName, value: string | undefined) => {
    if (value !== undefined && value !== '') values[field] = value;
  };
  const detainedAt = text(answers, 'detained-at');
  if (text(answers, 'detained-now') === 'yes' && detainedAt !== undefined) {
    set('detention.date', detainedAt.slice(0, 10));
    set('detention.time', detainedAt.slice(11, 16));
    set('detention.place', places[text(answers, 'detained-place') ?? '']);
  }
  const refusedAt = text(answers, 'lawyer-refused-at');
  if (text(answers, 'lawyer-turned-away') === 'yes' && refusedAt !== undefined) {
    set('refusal.date', refusedAt.slice(0, 10));
    set('refusal.time', refusedAt.slice(11, 16));
  }
  set('decision.date', text(answers, 'decision-made-on'));
  set('decision.learnedOn', text(answers, 'decision-learned-on'));
  set('appeal.filedDate', text(answers, 'appeal-filed-on'));
  if (text(answers, 'appeal-level') === 'court') {
    set('court.caseNumber', text(answers, 'appeal-case-number'));
  }
  const defects = [
    text(answers, 'notice-signature') === 'no' ? 'нет подписи военного комиссара' : null,
    text(answers, 'notice-stamp') === 'no' ? 'нет печати военного комиссариата' : null,
  ].filter((defect) => defect !== null);
  if (text(answers, 'notice-kind') === 'paper' && defects.length > 0) {
    set('notice.defects', defects.join('; '));
  }
  return values;
}
