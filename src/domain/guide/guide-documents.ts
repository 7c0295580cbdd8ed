import type { Answers } from '../intake/answers.ts';
import type { CaseFacts } from '../rules/case-facts.ts';
import type { Text } from '../rules/rule-pack.ts';

/** The kinds of document a situation calls for, as the documents feature names its templates. */
export const guideDocumentKinds = [
  'detention-complaint',
  'lawyer-access-complaint',
  'lawyer-admission-request',
  'medical-board-refusal',
  'appeal-pending-statement',
  'administrative-claim',
  'regional-commission-complaint',
] as const;
export type GuideDocumentKind = (typeof guideDocumentKinds)[number];

export type FittingDocument = { kind: GuideDocumentKind; title: Text };

const titles: Record<GuideDocumentKind, Text> = {
  'detention-complaint': {
    ru: 'Жалоба военному прокурору на незаконное задержание',
    en: 'Complaint to the military prosecutor about the unlawful detention',
  },
  'lawyer-access-complaint': {
    ru: 'Жалоба военному прокурору на недопуск адвоката',
    en: 'Complaint to the military prosecutor about the lawyer being refused',
  },
  'lawyer-admission-request': {
    ru: 'Заявление начальнику сборного пункта (военкому) о допуске адвоката',
    en: 'Request to the head of the assembly point (commissar) to admit the lawyer',
  },
  'medical-board-refusal': {
    ru: 'Отказ от медицинского освидетельствования без надлежащей повестки',
    en: 'Refusal to undergo the medical board without a valid notice',
  },
  'appeal-pending-statement': {
    ru: 'Заявление в призывную комиссию: решение обжалуется и не может исполняться',
    en: 'Statement to the draft commission that the decision is under appeal and must not be carried out',
  },
  'administrative-claim': {
    ru: 'Административный иск в суд на решение призывной комиссии с ходатайством о мерах предварительной защиты',
    en: 'Administrative claim against the draft decision, with a motion for interim measures',
  },
  'regional-commission-complaint': {
    ru: 'Жалоба в призывную комиссию региона',
    en: 'Complaint to the regional draft commission',
  },
};

const fits: Record<GuideDocumentKind, (facts: CaseFacts, answers: Answers) => boolean> = {
  'detention-complaint': (facts) => facts.detention?.takenTo === 'conscription-centre',
  'lawyer-access-complaint': (facts) => facts.lawyer !== undefined,
  'lawyer-admission-request': (facts) => facts.detention !== undefined,
  'medical-board-refusal': (facts, answers) =>
    (facts.notice?.missing?.length ?? 0) > 0 ||
    (answers['notice-kind'] === 'none' && facts.detention?.takenTo === 'conscription-centre'),
  'appeal-pending-statement': (facts) => facts.appeal?.pending === true,
  'administrative-claim': (facts) =>
    facts.draftDecision !== undefined && !(facts.appeal?.level === 'court' && facts.appeal.pending),
  'regional-commission-complaint': (facts) =>
    facts.draftDecision?.by === 'municipal' && facts.appeal === undefined,
};

/** The documents that fit the situation, most urgent first. */
export function fittingDocuments(facts: CaseFacts, answers: Answers): FittingDocument[] {
  return guideDocumentKinds
    .filter((kind) => fits[kind](facts, answers))
    .map((kind) => ({ kind, title: titles[kind] }));
}
