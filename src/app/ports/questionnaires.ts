import type { Questionnaire } from '../../domain/intake/questionnaire.ts';

/** The intake questionnaires shipped with Habeas, validated on load. */
export interface Questionnaires {
  /** The newest version of the questionnaire. */
  current(questionnaireId: string): Questionnaire;
}
