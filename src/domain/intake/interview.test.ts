import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAll } from './answers.ts';
import {
  answerInterview,
  askedQuestion,
  type Interview,
  type InterviewTurn,
  interviewSchema,
  reopenInterview,
  resumeInterview,
  startInterview,
} from './interview.ts';
import { type Questionnaire, validateQuestionnaire } from './questionnaire.ts';

function loadHotline(): Questionnaire {
  const file = new URL('../../../content/questionnaires/hotline/v1.json', import.meta.url);
  const result = validateQuestionnaire(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.questionnaire;
}

const hotline = loadHotline();
/** 13:00 in Moscow. */
const now = new Date('2025-03-14T10:00:00Z');

function asked(turn: InterviewTurn): Interview {
  if (turn.kind !== 'ask') throw new Error(`expected a question, the interview is ${turn.kind}`);
  return turn.interview;
}

/** Answers the questions in order, each answer to the question the interview asks. */
function answerAll(interview: Interview, answers: [string, string][]): InterviewTurn {
  let turn: InterviewTurn = { kind: 'ask', interview };
  for (const [questionId, typed] of answers) {
    const current = asked(turn);
    expect(current.questionId, `asked before answering "${typed}"`).toBe(questionId);
    turn = answerInterview(hotline, current, typed, now);
    if (turn.kind === 'ask' && turn.error !== undefined) {
      throw new Error(`${questionId} refused "${typed}": ${turn.error.message.en}`);
    }
  }
  return turn;
}

const upToAge: [string, string][] = [
  ['reporter-role', 'relative'],
  ['situation', 'detained'],
  ['person-name', 'Задержанов Кирилл Андреевич'],
];

describe('a questionnaire asked one question at a time', () => {
  it('walks a detention report to the end, branching as the questionnaire says', () => {
    const turn = answerAll(startInterview(hotline, 'ru'), [
      ...upToAge,
      ['person-age', '19'],
      ['person-birth-date', ''],
      ['contact-phone', '8 916 000-00-00'],
      ['taken-from', 'metro'],
      ['detained-at', '14.03.2025 08:30'],
      ['taken-to', 'conscription-centre'],
      ['taken-from-station', 'Выхино'],
      ['taken-to-centre', 'Угрешская'],
      ['pending-appeal', 'yes'],
      ['appeal-court', 'Кузьминский районный суд'],
      ['appeal-case-number', '2а-1234/2025'],
      ['needs-lawyer', 'yes'],
      ['detention-details', ''],
      ['consent', 'yes'],
      ['reporter-contact', ''],
    ]);
    expect(turn.kind).toBe('complete');
    if (turn.kind !== 'complete') return;
    const checked = validateAll(hotline, turn.answers, now);
    expect(checked).toEqual({
      ok: true,
      answers: expect.objectContaining({
        'person-age': '19',
        'contact-phone': '+79160000000',
        'detained-at': '2025-03-14T08:30:00+03:00',
        'taken-to-centre': { freeText: 'Угрешская' },
        'appeal-case-number': '2а-1234/2025',
      }),
    });
    expect(turn.answers).not.toHaveProperty('person-birth-date');
  });

  it('asks only the questions of the path chosen', () => {
    const interview = asked(
      answerAll(startInterview(hotline, 'en'), [
        ['reporter-role', 'self'],
        ['situation', 'notice'],
      ]),
    );
    expect(interview.stepId).toBe('notice');
    const question = askedQuestion(hotline, interview, now);
    expect(question.question.id).toBe('notice-kind');
    expect(question.choices.map((choice) => choice.value)).toEqual(['paper', 'electronic']);
    expect(question.position.index).toBe(3);
  });

  it('refuses a date it cannot read with the form’s message and asks the same question again', () => {
    const atDate = asked(
      answerAll(startInterview(hotline, 'ru'), [...upToAge, ['person-age', '']]),
    );
    expect(atDate.questionId).toBe('person-birth-date');
    const refused = answerInterview(hotline, atDate, '31.02.2004', now);
    expect(refused).toEqual({
      kind: 'ask',
      interview: atDate,
      error: expect.objectContaining({
        questionId: 'person-birth-date',
        code: 'INVALID_DATE',
        message: expect.objectContaining({
          ru: expect.stringContaining('Не получилось прочитать дату'),
        }),
      }),
    });
    const future = answerInterview(hotline, atDate, '01.01.2030', now);
    expect(future).toMatchObject({ kind: 'ask', error: { code: 'DATE_IN_FUTURE' } });
    const accepted = asked(answerInterview(hotline, atDate, '01.03.2006', now));
    expect(accepted.questionId).toBe('contact-phone');
    expect(accepted.raw).toMatchObject({ 'person-name': 'Задержанов Кирилл Андреевич' });
  });

  it('takes a typed option label in either language, and refuses what is no option', () => {
    const first = startInterview(hotline, 'ru');
    expect(
      asked(answerInterview(hotline, first, 'Родственник или близкий человек', now)).raw,
    ).toEqual({
      'reporter-role': 'relative',
    });
    expect(
      asked(answerInterview(hotline, first, 'a witness — i saw what happened', now)).raw,
    ).toEqual({
      'reporter-role': 'witness',
    });
    expect(answerInterview(hotline, first, 'не знаю', now)).toMatchObject({
      kind: 'ask',
      interview: first,
      error: { code: 'NOT_AN_OPTION' },
    });
  });

  it('does not let a required question be skipped', () => {
    const first = startInterview(hotline, 'ru');
    expect(askedQuestion(hotline, first, now).skippable).toBe(false);
    expect(answerInterview(hotline, first, '   ', now)).toMatchObject({
      kind: 'ask',
      error: { code: 'REQUIRED' },
    });
  });

  it('checks "age or birth date" when the step is done, then asks only what is missing', () => {
    const atPhone = asked(
      answerAll(startInterview(hotline, 'ru'), [
        ...upToAge,
        ['person-age', ''],
        ['person-birth-date', ''],
      ]),
    );
    const back = answerInterview(hotline, atPhone, '+7 916 000-00-00', now);
    expect(back).toMatchObject({
      kind: 'ask',
      interview: { questionId: 'person-age', revisiting: true },
      error: { message: { ru: 'Укажите возраст или дату рождения — хватит чего-то одного.' } },
    });
    // Skipping the age again leads to the birth date, the other way to answer.
    const toDate = answerInterview(hotline, asked(back), '', now);
    expect(toDate).toMatchObject({
      kind: 'ask',
      interview: { questionId: 'person-birth-date' },
      error: { code: 'REQUIRED' },
    });
    const onward = asked(answerInterview(hotline, asked(toDate), '2006-03-01', now));
    expect(onward).toMatchObject({ stepId: 'detention-circumstances', revisiting: false });
    expect(onward.raw).toMatchObject({ 'contact-phone': '+7 916 000-00-00' });
  });

  it('refuses consent that is not given', () => {
    const atConsent = asked(
      answerAll(startInterview(hotline, 'ru'), [
        ['reporter-role', 'witness'],
        ['situation', 'other'],
        ['other-details', 'У метро забирают людей'],
      ]),
    );
    expect(askedQuestion(hotline, atConsent, now)).toMatchObject({
      question: { id: 'consent' },
      choices: [{ value: 'yes', label: 'Согласен(на)' }],
      skippable: false,
    });
    expect(answerInterview(hotline, atConsent, 'нет', now)).toMatchObject({
      error: { code: 'CONSENT_REQUIRED' },
    });
    expect(asked(answerInterview(hotline, atConsent, 'Согласен(на)', now)).questionId).toBe(
      'reporter-contact',
    );
  });

  it('resumes a stored interview against the questionnaire as it is now', () => {
    const atName = asked(answerAll(startInterview(hotline, 'ru'), upToAge.slice(0, 2)));
    expect(resumeInterview(hotline, atName, now)).toEqual({ kind: 'ask', interview: atName });
    // A question that no longer exists restarts its step; a broken earlier answer is asked again.
    expect(asked(resumeInterview(hotline, { ...atName, questionId: 'gone' }, now)).questionId).toBe(
      'person-name',
    );
    const broken = resumeInterview(
      hotline,
      { ...atName, raw: { ...atName.raw, situation: 'abducted' } },
      now,
    );
    expect(broken).toMatchObject({
      interview: { stepId: 'what', questionId: 'situation' },
      error: { code: 'NOT_AN_OPTION' },
    });
    expect(interviewSchema.safeParse({ ...atName, raw: { '<script>': 'x' } }).success).toBe(false);
  });

  it('goes back to a question the whole report check refused', () => {
    const atConsent = asked(
      answerAll(startInterview(hotline, 'ru'), [
        ['reporter-role', 'witness'],
        ['situation', 'other'],
        ['other-details', 'У метро забирают людей'],
      ]),
    );
    const reopened = reopenInterview(
      hotline,
      atConsent,
      [{ questionId: 'other-details', code: 'TOO_LONG', message: { ru: 'длинно', en: 'long' } }],
      now,
    );
    expect(reopened).toMatchObject({
      interview: { stepId: 'other', questionId: 'other-details', revisiting: true },
      error: { code: 'TOO_LONG' },
    });
  });
});
