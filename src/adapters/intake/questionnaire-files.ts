import { readdirSync, readFileSync } from 'node:fs';
import type { Questionnaires } from '../../app/ports/questionnaires.ts';
import { type Questionnaire, validateQuestionnaire } from '../../domain/intake/questionnaire.ts';

const questionnairesDir = new URL('../../../content/questionnaires/', import.meta.url);

export class QuestionnaireError extends Error {
  override readonly name = 'QuestionnaireError';
}

/** Reads `content/questionnaires/<id>/vN.json`, newest version, validated once per process. */
export function questionnaireFiles(dir: URL = questionnairesDir): Questionnaires {
  const loaded = new Map<string, Questionnaire>();
  return {
    current(questionnaireId) {
      const cached = loaded.get(questionnaireId);
      if (cached !== undefined) return cached;
      const folder = new URL(`${questionnaireId}/`, dir);
      const newest = readdirSync(folder)
        .filter((name) => /^v\d+\.json$/.test(name))
        .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)))
        .at(-1);
      if (newest === undefined) throw new QuestionnaireError(`${questionnaireId}: no v<N>.json`);
      const result = validateQuestionnaire(
        JSON.parse(readFileSync(new URL(newest, folder), 'utf8')),
      );
      if (!result.ok)
        throw new QuestionnaireError(`${questionnaireId}/${newest}: ${result.problems.join('; ')}`);
      loaded.set(questionnaireId, result.questionnaire);
      return result.questionnaire;
    },
  };
}
