import { describe, expect, it } from 'vitest';
import { questionnaireFiles } from '../../adapters/intake/questionnaire-files.ts';
import { choicesOf } from '../../domain/intake/interview.ts';
import {
  answerData,
  callbackDataMaxBytes,
  languageData,
  readCallbackData,
  skipData,
} from './question-message.ts';

const hotline = questionnaireFiles().current('hotline');

describe('the data behind the bot’s buttons', () => {
  it('fits Telegram’s limit for every answer of the questionnaire', () => {
    for (const question of hotline.steps.flatMap((step) => step.questions)) {
      const data = [
        skipData(question.id),
        ...choicesOf(question, 'ru').map((choice) => answerData(question.id, choice.value)),
      ];
      for (const each of data) {
        expect(Buffer.byteLength(each), each).toBeLessThanOrEqual(callbackDataMaxBytes);
      }
    }
  });

  it('reads back what it wrote, and nothing else', () => {
    expect(readCallbackData(answerData('taken-from', 'metro'))).toEqual({
      kind: 'choice',
      questionId: 'taken-from',
      value: 'metro',
    });
    expect(readCallbackData(skipData('person-age'))).toEqual({
      kind: 'choice',
      questionId: 'person-age',
      value: '',
    });
    expect(readCallbackData(languageData('en'))).toEqual({ kind: 'language', language: 'en' });
    for (const foreign of ['', 'a', 'a:x', 'a:x:y:z', 'l:de', 's:x:y', 'x:y:z', 'a::y'])
      expect(readCallbackData(foreign), foreign).toBeNull();
  });
});
