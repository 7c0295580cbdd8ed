import type { Answers } from '../intake/answers.ts';
import type { CaseFacts } from '../rules/case-facts.ts';
import type { Confidence, Source, Text } from '../rules/rule-pack.ts';

/**
 * One thing to do now, in plain words. Each rests on the legal facts it names (`basedOn`: the
 * row ids of the project's legal-facts table) and says how sure it is, as rule findings do.
 */
export type Advice = {
  id: string;
  title: Text;
  text: Text;
  confidence: Confidence;
  basedOn: string[];
  sources: Source[];
};

type Entry = Advice & { applies(facts: CaseFacts, answers: Answers): boolean };

const digitalOnlyRegions = new Set(['moscow', 'mari-el', 'ryazan', 'sakhalin']);

const metroReports: Source = {
  law: 'Reports by Civil Alliance of Russia, Prizyv k Sovesti, School of Conscripts, Idite Lesom (October 2025)',
  article: 'detentions in the Moscow metro after facial-recognition alerts',
  urls: [
    'https://meduza.io/news/2025/10/20/v-moskovskom-metro-nachalis-oblavy-na-prizyvnikov',
    'https://www.themoscowtimes.com/2025/10/20/moscow-using-facial-recognition-to-detain-men-challenging-military-drafts-rights-group-says-a90867',
    'https://theins.press/en/news/286079',
  ],
};

const entries: Entry[] = [
  {
    id: 'insist-on-lawyer',
    title: { ru: 'Требуйте адвоката', en: 'Insist on your lawyer' },
    text: {
      ru: 'С момента задержания вы вправе пользоваться помощью адвоката. Скажите, что вам нужен адвокат, и назовите его. Если адвоката не пускают, запомните время и кто отказал: это основание для жалобы.',
      en: 'From the moment of detention you have the right to a lawyer. Say that you want a lawyer and name him. If the lawyer is not let in, note the time and who refused: it is a ground for complaint.',
    },
    confidence: 'high',
    basedOn: ['PRO-01'],
    sources: [
      {
        law: 'Constitution of the Russian Federation',
        article: 'art. 48 parts 1-2',
        urls: ['https://constrf.ru/razdel-1/glava-2/st-48-krf'],
      },
    ],
    applies: (facts, answers) => facts.detention !== undefined || answers['detained-now'] === 'yes',
  },
  {
    id: 'complain-to-military-prosecutor',
    title: { ru: 'Жалоба военному прокурору', en: 'Complain to the military prosecutor' },
    text: {
      ru: 'Подайте жалобу военному прокурору на незаконное задержание и доставление на сборный пункт, а если адвоката не пустили, то и на это. Военная прокуратура надзирает за военкоматами. Жалобу должны зарегистрировать в течение 3 дней и ответить на неё в течение 30 дней со дня регистрации; продлить срок могут не более чем на 30 дней, сообщив вам. Сохраните копию с отметкой о приёме или номер обращения.',
      en: 'Complain to the military prosecutor about the unlawful detention and the taking to the assembly point, and about the lawyer being refused, if he was. Military prosecutors supervise conscription offices. The complaint must be registered within 3 days and answered within 30 days of registration; the period may be extended by 30 days at most, with notice to you. Keep a copy stamped as received, or the complaint’s number.',
    },
    confidence: 'medium',
    basedOn: ['CPL-05', 'CPL-04', 'CPL-01', 'CPL-02', 'CPL-03'],
    sources: [
      {
        law: 'Federal Law No. 2202-1 of 17.01.1992 "On the Prosecutor\'s Office"',
        article: 'arts 10, 46-50',
        urls: [
          'https://lektsia.info/p/pravovoe-regulirovanie-deyatelnosti-organov-voennoii-prokuratury-rf',
          'https://shemur.cap.ru/news/2022/04/14/o-poryadke-rassmotreniya-obraschenij-grazhdan-v-or',
        ],
      },
      {
        law: 'Federal Law No. 59-FZ of 02.05.2006 "On the Procedure for Considering Appeals of Citizens"',
        article: 'art. 8 part 2; art. 12 parts 1-2',
        urls: [
          'http://kkcson.3dn.ru/index/obrashhenie_grazhdan/0-32',
          'https://ivcrb.ru/questions',
        ],
      },
    ],
    applies: (facts) =>
      facts.detention?.takenTo === 'conscription-centre' || facts.lawyer !== undefined,
  },
  {
    id: 'avoid-metro-while-appealing',
    title: {
      ru: 'Пока идёт обжалование, избегайте метро',
      en: 'Avoid the metro while your appeal is pending',
    },
    text: {
      ru: 'В октябре 2025 года правозащитники сообщали, что в московском метро полиция задерживала призывников по сигналам системы распознавания лиц и доставляла их на сборный пункт на Угрешской улице, в том числе тех, кто обжалует решение о призыве. Официально это не подтверждено. Пока идёт обжалование, по возможности не ездите на метро, а если едете, держите при себе копию иска с отметкой суда или определение о его принятии.',
      en: 'In October 2025 rights groups reported that police in the Moscow metro detained conscripts after facial-recognition alerts and took them to the assembly point on Ugreshskaya Street, including men appealing their draft decisions. This is not officially confirmed. While your appeal is pending, avoid the metro where you can; if you do travel, carry a copy of your claim stamped by the court, or the ruling accepting it.',
    },
    confidence: 'medium',
    basedOn: ['FR-01', 'FR-02', 'FR-03'],
    sources: [
      metroReports,
      {
        law: 'Statement of the Moscow military commissar M. Loktev (TASS, April 2023)',
        article: 'city video surveillance used to find conscripts',
        urls: ['https://pda.nakanune.ru/news/2023/4/18/22711899'],
      },
    ],
    applies: (facts) => facts.person?.region === 'moscow' && facts.appeal?.pending === true,
  },
  {
    id: 'refuse-medical-board-without-valid-notice',
    title: {
      ru: 'Без надлежащей повестки можно отказаться от медкомиссии',
      en: 'Without a valid notice you may refuse the medical board',
    },
    text: {
      ru: 'На медицинское освидетельствование и заседание призывной комиссии вызывают повесткой установленной формы: в ней ваши ФИО, дата и час явки, причина вызова, название и адрес военкомата; бумажную повестку подписывает военный комиссар и заверяет печать военкомата. Если такой повестки вам не вручали, вы можете письменно отказаться проходить медкомиссию до вручения надлежащей повестки и потребовать адвоката. Это вывод из правил о повестке, а не прямая норма закона: обсудите его с юристом. За уклонение от медосвидетельствования по повестке грозит штраф от 15 000 до 25 000 рублей.',
      en: 'The medical examination and the draft commission call you by a notice in the prescribed form: it shows your full name, the date and hour to appear, the reason, and the office’s name and address; a paper notice is signed by the military commissar and stamped. If you were never handed such a notice, you may refuse in writing to undergo the medical board until a proper notice is served, and ask for your lawyer. This is an inference from the rules on notices, not a rule stated in the law: discuss it with a lawyer. Evading a medical examination you were called to by a notice risks a fine of 15,000 to 25,000 roubles.',
    },
    confidence: 'low',
    basedOn: ['PRO-02', 'PRO-03', 'PRO-05', 'SAN-02'],
    sources: [
      {
        law: 'Government Decree No. 663 of 11.11.2006, Appendix 1 (wording of Decree No. 1204 of 24.07.2023)',
        article: 'form of the notice',
        urls: ['https://docs.cntd.ru/document/902013993/titles/8OS0LQ'],
      },
      {
        law: 'Government Decree No. 663; Federal Law No. 53-FZ of 28.03.1998',
        article: 'art. 31 (signature, stamp and handing over of a paper notice)',
        urls: ['https://kvadroplus.com/2023/09/26/lichnyj-interes-kak-vyzyvayut-v-voenkomat'],
      },
      {
        law: 'Federal Law No. 53-FZ of 28.03.1998 "On Military Duty and Military Service"',
        article: 'art. 26 para 1',
        urls: ['https://law.wikireading.ru/38658'],
      },
      {
        law: 'Code of Administrative Offences (as amended by 404-FZ)',
        article: 'art. 21.6',
        urls: ['https://dzen.ru/a/ZL-4Pb5dkyPD4MJs'],
      },
    ],
    applies: (facts, answers) =>
      (facts.notice?.missing?.length ?? 0) > 0 ||
      (answers['notice-kind'] === 'none' && facts.detention?.takenTo === 'conscription-centre'),
  },
  {
    id: 'digital-notice-and-leaving-the-country',
    title: {
      ru: 'Электронная повестка и выезд из России',
      en: 'A digital notice and leaving Russia',
    },
    text: {
      ru: 'Электронная повестка считается врученной в день, когда она появилась в личном кабинете, а если этого не было, через 7 дней после размещения в реестре повесток, даже если вы её не видели. Запрет на выезд из России действует со дня размещения повестки в реестре (так с поправок Федерального закона № 437-ФЗ; многие пересказы по-прежнему говорят о дне вручения). С 2026 года дата явки не может быть позже 30 дней после размещения. Регулярно проверяйте реестр повесток и Госуслуги.',
      en: 'A digital notice counts as delivered on the day it appears in your personal account or, failing that, seven days after it was posted in the register of notices, even if you never saw it. The ban on leaving Russia runs from the day the notice is posted in the register (since Federal Law No. 437-FZ; many summaries still say from delivery). From 2026 the appearance date may not be more than 30 days after posting. Check the register of notices and Gosuslugi regularly.',
    },
    confidence: 'high',
    basedOn: ['NOT-03', 'NOT-04', 'NOT-07', 'NOT-13', 'PIL-03'],
    sources: [
      {
        law: 'Federal Law No. 53-FZ of 28.03.1998 (as amended by 127-FZ and 412-FZ)',
        article: 'art. 31',
        urls: [
          'https://mel.fm/novosti/8325047-gosduma-prinyala-zakon-o-edinom-reyestre-voyennoobyazannykh-dokument-proshel-vse-3-chteniya-za-1-den',
          'https://www.interfax.ru/russia/1049940',
          'https://tls-cons.ru/poleznye-dokumenty/s-1-yanvarya-2026-goda-prizyvat-na-srochnuyu-sluzhbu-v-armiyu-stanut-kruglyy-god',
        ],
      },
      {
        law: 'Federal Law No. 53-FZ of 28.03.1998 (as amended by 437-FZ of 04.08.2023)',
        article: 'art. 7.1 para 1',
        urls: [
          'http://www.consultant.ru/document/cons_doc_LAW_18260/dc940acbd42ce7edc1bdb8be8fcb13e3bd02820d/',
          'https://zakonrf.info/izmeneniya-v-zakonodatelstve/sravnenie-100597',
        ],
      },
    ],
    applies: (facts) =>
      facts.notice?.kind === 'electronic' ||
      (facts.person?.region !== undefined && digitalOnlyRegions.has(facts.person.region)),
  },
];

/**
 * What to do now, for these facts, in a fixed order (the most urgent first). Only what the
 * legal facts support, each with its sources; the rules engine's findings come on top.
 */
export function guideAdvice(facts: CaseFacts, answers: Answers): Advice[] {
  return entries
    .filter((entry) => entry.applies(facts, answers))
    .map(({ applies: _applies, ...advice }) => advice);
}
