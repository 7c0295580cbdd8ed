import type { AnswerCondition, Question, Questionnaire } from '../intake/questionnaire.ts';

type Text = { ru: string; en: string };

const option = (value: string, ru: string, en: string) => ({ value, label: { ru, en } });
const is = (question: string, value: string): AnswerCondition => ({ equals: { question, value } });
const isOneOf = (question: string, values: string[]): AnswerCondition => ({
  in: { question, values },
});

function choice(
  id: string,
  label: Text,
  options: ReturnType<typeof option>[],
  extra: Partial<Pick<Question, 'hint' | 'when' | 'required'>> = {},
): Question {
  return { id, kind: 'choice', label, options, required: true, dataClass: 'operational', ...extra };
}

function date(
  id: string,
  label: Text,
  extra: Partial<Pick<Question, 'hint' | 'when' | 'required'>> & { allowFuture?: boolean } = {},
): Question {
  return { id, kind: 'date', label, required: true, dataClass: 'personal', ...extra };
}

function dateTime(
  id: string,
  label: Text,
  extra: Partial<Pick<Question, 'hint' | 'when' | 'required'>> = {},
): Question {
  return { id, kind: 'datetime', label, required: true, dataClass: 'personal', ...extra };
}

const roughly: Text = {
  ru: 'Можно примерно.',
  en: 'Roughly is fine.',
};
const roughlyWithTime: Text = {
  ru: 'Дата и время, можно примерно. Например, 14.03.2025 08:30.',
  en: 'Date and time, roughly is fine. For example 14.03.2025 08:30.',
};

/**
 * The guide's interview, in the questionnaire language of intake so that the same branching
 * and validation serve it. A few questions per page; each page's conditions read only earlier
 * pages, so a form without JavaScript decides a whole page at once. Questions speak to the
 * conscript ("you"); a relative answers for him.
 */
export const guideQuestionnaire: Questionnaire = {
  questionnaireId: 'guide',
  version: 1,
  title: { ru: 'Что делать: пошаговый помощник', en: 'What to do: a step-by-step guide' },
  defaultOffset: '+03:00',
  steps: [
    {
      id: 'now',
      title: { ru: 'Что сейчас', en: 'Right now' },
      questions: [
        choice(
          'detained-now',
          {
            ru: 'Вас сейчас задержали или удерживают (в полиции, военкомате, на сборном пункте)?',
            en: 'Are you detained or held right now (by the police, at a conscription office or an assembly point)?',
          },
          [option('yes', 'Да', 'Yes'), option('no', 'Нет', 'No')],
        ),
        choice(
          'region',
          {
            ru: 'В каком регионе вы стоите на воинском учёте?',
            en: 'In which region are you registered for military service?',
          },
          [
            option('moscow', 'Москва', 'Moscow'),
            option('mari-el', 'Республика Марий Эл', 'Mari El Republic'),
            option('ryazan', 'Рязанская область', 'Ryazan Region'),
            option('sakhalin', 'Сахалинская область', 'Sakhalin Region'),
            option('other', 'Другой регион', 'Another region'),
          ],
        ),
      ],
    },
    {
      id: 'detention',
      title: { ru: 'Задержание', en: 'The detention' },
      when: is('detained-now', 'yes'),
      questions: [
        dateTime(
          'detained-at',
          { ru: 'Когда вас задержали?', en: 'When were you detained?' },
          {
            hint: roughlyWithTime,
          },
        ),
        choice('detained-place', { ru: 'Где вас задержали?', en: 'Where were you detained?' }, [
          option('metro', 'В метро', 'In the metro'),
          option('street', 'На улице', 'In the street'),
          option('home', 'Дома', 'At home'),
          option('workplace', 'На работе', 'At work'),
        ]),
        choice('taken-to', { ru: 'Куда вас доставили?', en: 'Where were you taken?' }, [
          option(
            'conscription-centre',
            'В военкомат или на сборный пункт',
            'To a conscription office or an assembly point',
          ),
          option('police', 'В отдел полиции', 'To a police station'),
          option('unknown', 'Не знаю', 'I do not know'),
        ]),
      ],
    },
    {
      id: 'lawyer',
      title: { ru: 'Адвокат', en: 'Your lawyer' },
      when: is('detained-now', 'yes'),
      questions: [
        choice(
          'lawyer-turned-away',
          {
            ru: 'Вашего адвоката или представителя не пустили к вам?',
            en: 'Was your lawyer or representative refused access to you?',
          },
          [
            option('yes', 'Да, не пустили', 'Yes, refused'),
            option('no', 'Нет, или адвоката ещё нет', 'No, or there is no lawyer yet'),
          ],
        ),
      ],
    },
    {
      id: 'lawyer-refusal',
      title: { ru: 'Адвоката не пустили', en: 'The lawyer was refused' },
      when: is('lawyer-turned-away', 'yes'),
      questions: [
        dateTime(
          'lawyer-refused-at',
          { ru: 'Когда адвоката не пустили?', en: 'When was the lawyer refused?' },
          { hint: roughlyWithTime },
        ),
        choice(
          'power-of-attorney',
          {
            ru: 'Была ли у адвоката доверенность от вас?',
            en: 'Did the lawyer hold a power of attorney from you?',
          },
          [
            option('notarised', 'Да, нотариальная', 'Yes, notarised'),
            option('simple', 'Да, простая письменная', 'Yes, a simple written one'),
            option('none', 'Нет или не знаю', 'No, or I do not know'),
          ],
        ),
      ],
    },
    {
      id: 'notice',
      title: { ru: 'Повестка', en: 'The notice' },
      questions: [
        choice(
          'notice-kind',
          { ru: 'Вы получили повестку?', en: 'Have you received a notice (povestka)?' },
          [
            option('paper', 'Да, бумажную', 'Yes, a paper one'),
            option(
              'electronic',
              'Да, электронную (реестр повесток, Госуслуги, mos.ru)',
              'Yes, a digital one (register of notices, Gosuslugi, mos.ru)',
            ),
            option('none', 'Нет', 'No'),
          ],
        ),
      ],
    },
    {
      id: 'notice-dates',
      title: { ru: 'Даты повестки', en: 'The notice’s dates' },
      when: isOneOf('notice-kind', ['paper', 'electronic']),
      questions: [
        date(
          'notice-posted-on',
          {
            ru: 'Когда повестку разместили в реестре повесток (или она пришла на Госуслуги)?',
            en: 'When was the notice posted in the register of notices (or did it arrive on Gosuslugi)?',
          },
          { when: is('notice-kind', 'electronic'), hint: roughly },
        ),
        date(
          'notice-signed-on',
          {
            ru: 'Когда вам вручили бумажную повестку под подпись?',
            en: 'When were you handed the paper notice against your signature?',
          },
          { when: is('notice-kind', 'paper'), hint: roughly },
        ),
        date(
          'notice-appearance-date',
          {
            ru: 'На какое число вас вызывают (дата явки в повестке)?',
            en: 'For which day does the notice call you (the appearance date)?',
          },
          { allowFuture: true, required: false, hint: roughly },
        ),
        choice(
          'notice-appeared',
          {
            ru: 'Вы уже ходили в военкомат по этой повестке?',
            en: 'Have you already gone to the conscription office on this notice?',
          },
          [
            option('yes', 'Да', 'Yes'),
            option('no', 'Нет, хотя дата явки прошла', 'No, and the appearance date has passed'),
            option('not-yet', 'Ещё нет, дата явки не наступила', 'Not yet, the date has not come'),
          ],
        ),
      ],
    },
    {
      id: 'notice-paper',
      title: { ru: 'Бумажная повестка', en: 'The paper notice' },
      when: is('notice-kind', 'paper'),
      questions: [
        choice(
          'notice-signature',
          {
            ru: 'Есть ли на повестке подпись военного комиссара?',
            en: 'Is the notice signed by the military commissar?',
          },
          [
            option('yes', 'Да', 'Yes'),
            option('no', 'Нет', 'No'),
            option('unknown', 'Не знаю', 'I do not know'),
          ],
        ),
        choice(
          'notice-stamp',
          {
            ru: 'Есть ли на повестке печать военкомата?',
            en: 'Does the notice bear the conscription office’s stamp?',
          },
          [
            option('yes', 'Да', 'Yes'),
            option('no', 'Нет', 'No'),
            option('unknown', 'Не знаю', 'I do not know'),
          ],
        ),
      ],
    },
    {
      id: 'decision',
      title: { ru: 'Решение о призыве', en: 'The draft decision' },
      questions: [
        choice(
          'decision-by',
          {
            ru: 'Призывная комиссия приняла решение о вашем призыве?',
            en: 'Has a draft commission decided to call you up?',
          },
          [
            option(
              'municipal',
              'Да, комиссия района или города',
              'Yes, the commission of the district or town',
            ),
            option(
              'regional',
              'Да, комиссия региона (после жалобы на первое решение)',
              'Yes, the regional commission (after a complaint against the first decision)',
            ),
            option('no', 'Нет или не знаю', 'No, or I do not know'),
          ],
        ),
      ],
    },
    {
      id: 'decision-dates',
      title: { ru: 'Даты решения', en: 'The decision’s dates' },
      when: isOneOf('decision-by', ['municipal', 'regional']),
      questions: [
        date(
          'decision-made-on',
          { ru: 'Когда приняли решение?', en: 'When was it decided?' },
          {
            hint: roughly,
          },
        ),
        date(
          'decision-learned-on',
          { ru: 'Когда вы о нём узнали?', en: 'When did you learn of it?' },
          { required: false, hint: roughly },
        ),
      ],
    },
    {
      id: 'appeal',
      title: { ru: 'Обжалование', en: 'The appeal' },
      when: isOneOf('decision-by', ['municipal', 'regional']),
      questions: [
        choice(
          'appeal-level',
          { ru: 'Вы обжаловали решение?', en: 'Have you appealed the decision?' },
          [
            option('court', 'Да, в суд', 'Yes, to a court'),
            option(
              'regional-commission',
              'Да, в призывную комиссию региона',
              'Yes, to the regional draft commission',
            ),
            option('no', 'Нет', 'No'),
          ],
        ),
      ],
    },
    {
      id: 'appeal-details',
      title: { ru: 'Жалоба или иск', en: 'The complaint or claim' },
      when: isOneOf('appeal-level', ['court', 'regional-commission']),
      questions: [
        date(
          'appeal-filed-on',
          {
            ru: 'Когда вы подали жалобу или иск?',
            en: 'When did you file the complaint or claim?',
          },
          { hint: roughly },
        ),
        choice(
          'appeal-against',
          {
            ru: 'Решение какой комиссии вы оспариваете в суде?',
            en: 'Which commission’s decision are you challenging in court?',
          },
          [
            option('municipal', 'Комиссии района или города', 'The district or town commission'),
            option('regional', 'Комиссии региона', 'The regional commission'),
          ],
          { when: is('appeal-level', 'court') },
        ),
        choice(
          'appeal-pending',
          {
            ru: 'Дело ещё идёт (окончательного решения по жалобе или иску нет)?',
            en: 'Is it still going on (no final decision on the complaint or claim yet)?',
          },
          [option('yes', 'Да', 'Yes'), option('no', 'Нет, уже решено', 'No, it has been decided')],
        ),
        {
          id: 'appeal-case-number',
          kind: 'text',
          maxLength: 40,
          required: false,
          dataClass: 'personal',
          when: is('appeal-level', 'court'),
          label: { ru: 'Номер дела в суде', en: 'The court case number' },
          hint: {
            ru: 'Если знаете. Например, 2а-1234/2025. Он нужен только для документов.',
            en: 'If you know it. For example 2а-1234/2025. Only the documents need it.',
          },
        },
      ],
    },
  ],
};
