import type { Answers } from '../intake/answers.ts';
import type { CaseFacts } from '../rules/case-facts.ts';
import type { Text } from '../rules/rule-pack.ts';

/** The kinds of document a situation calls for, as the documents feature names its templates. */
export const guideDocumentKinds = [
  'complaint-unlawful-detention',
  'complaint-lawyer-refused',
  'request-admit-lawyer',
  'refusal-medical-board',
  'statement-decision-under-appeal',
  'administrative-claim',
  'complaint-regional-commission',
] as const;
export type GuideDocumentKind = (typeof guideDocumentKinds)[number];

export type FittingDocument = { kind: GuideDocumentKind; title: Text };

const titles: Record<GuideDocumentKind, Text> = {
  'complaint-unlawful-detention': {
    ru: 'Жалоба военному прокурору на незаконное задержание',
    en: 'Complaint to the military prosecutor about the unlawful detention',
  },
  'complaint-lawyer-refused': {
    ru: 'Жалоба военному прокурору на недопуск адвоката',
    en: 'Complaint to the military prosecutor about the lawyer being refused',
  },
  'request-admit-lawyer': {
    ru: 'Заявление начальнику сборного пункта (военкому) о допуске адвоката',
    en: 'Request to the head of the assembly point (commissar) to admit the lawyer',
  },
  'refusal-medical-board': {
    ru: 'Отказ от медицинского освидетельствования без надлежащей повестки',
    en: 'Refusal to undergo the medical board without a valid notice',
  },
  'statement-decision-under-appeal': {
    ru: 'Заявление в призывную комиссию: решение обжалуется и не может исполняться',
    en: 'Statement to the draft commission that the decision is under appeal and must not be carried out',
  },
  'administrative-claim': {
    ru: 'Административный иск в суд на решение призывной комиссии с ходатайством о мерах предварительной защиты',
    en: 'Administrative claim against the draft decision, with a motion for interim measures',
  },
  'complaint-regional-commission': {
    ru: 'Жалоба в призывную комиссию региона',
    en: 'Complaint to the regional draft commission',
  },
};

const fits: Record<GuideDocumentKind, (facts: CaseFacts, answers: Answers) => boolean> = {
  'complaint-unlawful-detention': (facts) => facts.detention?.takenTo === 'conscription-centre',
  'complaint-lawyer-refused': (facts) => facts.lawyer !== undefined,
  'request-admit-lawyer': (facts) => facts.detention !== undefined,
  'refusal-medical-board': (facts, answers) =>
    (facts.notice?.missing?.length ?? 0) > 0 ||
    (answers['notice-kind'] === 'none' && facts.detention?.takenTo === 'conscription-centre'),
  'statement-decision-under-appeal': (facts) => facts.appeal?.pending === true,
  'administrative-claim': (facts) =>
    facts.draftDecision !== undefined && !(facts.appeal?.level === 'court' && facts.appeal.pending),
  'complaint-regional-commission': (facts) =>
    facts.draftDecision?.by === 'municipal' && facts.appeal === undefined,
};

/** The documents that fit the situation, most urgent first. */
export function fittingDocuments(facts: CaseFacts, answers: Answers): FittingDocument[] {
  return guideDocumentKinds
    .filter((kind) => fits[kind](facts, answers))
    .map((kind) => ({ kind, title: titles[kind] }));
}
