import type { Answers } from '../intake/answers.ts';
import { type CaseFacts, type noticeDefects, regions } from '../rules/case-facts.ts';

type Region = (typeof regions)[number];
type NoticeDefect = (typeof noticeDefects)[number];

function text(answers: Answers, id: string): string | undefined {
  const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function noticeOf(answers: Answers): CaseFacts['notice'] {
  const kind = oneOf(text(answers, 'notice-kind'), ['paper', 'electronic'] as const);
  if (kind === undefined) return undefined;
  const appeared = text(answers, 'notice-appeared');
  const missing: NoticeDefect[] = [];
  if (kind === 'paper' && text(answers, 'notice-signature') === 'no') {
    missing.push('commissar-signature');
  }
  if (kind === 'paper' && text(answers, 'notice-stamp') === 'no') missing.push('stamp');
  const postedToRegister = kind === 'electronic' ? text(answers, 'notice-posted-on') : undefined;
  const signedFor = kind === 'paper' ? text(answers, 'notice-signed-on') : undefined;
  const appearanceDate = text(answers, 'notice-appearance-date');
  return {
    kind,
    ...(postedToRegister === undefined ? {} : { postedToRegister }),
    ...(signedFor === undefined ? {} : { signedFor }),
    ...(appearanceDate === undefined ? {} : { appearanceDate }),
    // "Not yet" is not a fact about appearing: the rules read a missing value as not known.
    ...(appeared === 'yes' ? { appeared: true } : appeared === 'no' ? { appeared: false } : {}),
    ...(missing.length === 0 ? {} : { missing }),
  };
}

function draftDecisionOf(answers: Answers): CaseFacts['draftDecision'] {
  const by = oneOf(text(answers, 'decision-by'), ['municipal', 'regional'] as const);
  const madeOn = text(answers, 'decision-made-on');
  if (by === undefined || madeOn === undefined) return undefined;
  const learnedOn = text(answers, 'decision-learned-on');
  return { by, madeOn, ...(learnedOn === undefined ? {} : { learnedOn }) };
}

function appealOf(answers: Answers): CaseFacts['appeal'] {
  const level = oneOf(text(answers, 'appeal-level'), ['court', 'regional-commission'] as const);
  const filedDate = text(answers, 'appeal-filed-on');
  if (level === undefined || filedDate === undefined) return undefined;
  // A complaint to the regional commission is always against the district or town decision.
  const against =
    level === 'court'
      ? oneOf(text(answers, 'appeal-against'), ['municipal', 'regional'] as const)
      : 'municipal';
  if (against === undefined) return undefined;
  return { level, against, filedDate, pending: text(answers, 'appeal-pending') === 'yes' };
}

function detentionOf(answers: Answers): CaseFacts['detention'] {
  if (text(answers, 'detained-now') !== 'yes') return undefined;
  const at = text(answers, 'detained-at');
  const place = oneOf(text(answers, 'detained-place'), [
    'metro',
    'street',
    'home',
    'workplace',
  ] as const);
  // Where he was taken decides which rules apply; "I do not know" leaves the detention out
  // rather than guess a place the rules would build on.
  const takenTo = oneOf(text(answers, 'taken-to'), ['conscription-centre', 'police'] as const);
  if (at === undefined || place === undefined || takenTo === undefined) return undefined;
  return { at, place, takenTo };
}

function lawyerOf(answers: Answers): CaseFacts['lawyer'] {
  if (text(answers, 'lawyer-turned-away') !== 'yes') return undefined;
  const powerOfAttorney = oneOf(text(answers, 'power-of-attorney'), [
    'notarised',
    'simple',
    'none',
  ] as const);
  if (powerOfAttorney === undefined) return undefined;
  const refusedEntry = text(answers, 'lawyer-refused-at');
  return { powerOfAttorney, ...(refusedEntry === undefined ? {} : { refusedEntry }) };
}

/**
 * The guide's answers as the facts the rules read. Only what was answered becomes a fact: a
 * rule whose facts are missing stays silent rather than guess.
 */
export function guideFacts(answers: Answers): CaseFacts {
  const region: Region | undefined = oneOf(text(answers, 'region'), regions);
  const facts: CaseFacts = {};
  if (region !== undefined) facts.person = { region };
  const notice = noticeOf(answers);
  if (notice !== undefined) facts.notice = notice;
  const draftDecision = draftDecisionOf(answers);
  if (draftDecision !== undefined) facts.draftDecision = draftDecision;
  const appeal = appealOf(answers);
  if (appeal !== undefined) facts.appeal = appeal;
  const detention = detentionOf(answers);
  if (detention !== undefined) facts.detention = detention;
  const lawyer = lawyerOf(answers);
  if (lawyer !== undefined) facts.lawyer = lawyer;
  return facts;
}
