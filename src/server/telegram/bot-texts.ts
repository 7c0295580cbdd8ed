import type { InterviewLanguage } from '../../domain/intake/interview.ts';

/** What the bot says besides the questionnaire's own texts, Russian first. */
export const botTexts = {
  ru: {
    welcome: (publicUrl: string) =>
      [
        'Здравствуйте! Здесь можно сообщить о задержании или попросить помощи юриста. Я задам несколько вопросов по одному; на большинство можно ответить кнопкой.',
        `Важно: Telegram знает, кто пишет этому боту. Если для вас это опасно, используйте форму на сайте, она работает и в Tor Browser: ${publicUrl}/report`,
        'Пока вы отвечаете, ответы хранятся зашифрованными и удаляются через час, если не закончить. /cancel — удалить ответы.',
      ].join('\n\n'),
    expired: 'Прошло больше часа, и прежние ответы удалены. Начнём сначала.',
    continued: 'Продолжим с того места, где вы остановились. Начать заново: /cancel.',
    stale: 'На этот вопрос вы уже ответили. Сейчас вопрос такой:',
    step: (index: number, total: number, title: string) => `Шаг ${index} из ${total} · ${title}`,
    skip: 'Пропустить',
    skipHint: 'Если не знаете, нажмите «Пропустить».',
    placeHint: 'Напишите название или адрес.',
    dateHint: 'Дату напишите так: ДД.ММ.ГГГГ.',
    dateTimeHint: 'Дату и время напишите так: ДД.ММ.ГГГГ ЧЧ:ММ.',
    switchLanguage: 'English',
    notText: 'Я понимаю только текст и кнопки.',
    cancelled: 'Ваши ответы удалены. Начать заново: /start.',
    nothingToCancel: 'Сохранённых ответов нет. Сообщить о задержании: /start.',
    submitted: (caseCode: string, followUpUrl: string) =>
      [
        'Сообщение принято, юристы горячей линии его получили.',
        `Код обращения: ${caseCode}. Назовите его, если будете нам звонить.`,
        `Следить за обращением можно по ссылке: ${followUpUrl}\nСохраните её и никому не показывайте.`,
        'Мы не храним, из какого чата пришло сообщение. Telegram хранит эту переписку: если ваш телефон могут проверить, удалите этот чат.',
      ].join('\n\n'),
    busy: 'Ответ не сохранился. Отправьте его, пожалуйста, ещё раз.',
    failed: (publicUrl: string) =>
      `Что-то пошло не так, ответ не сохранён. Попробуйте ещё раз через минуту или заполните форму на сайте: ${publicUrl}/report`,
    tooFast: 'Слишком много сообщений подряд. Подождите минуту и продолжайте.',
    privateOnly: 'Напишите мне в личные сообщения: в группе ваши ответы увидят все.',
    staffLinked: (displayName: string) =>
      `Готово, ${displayName}: вызовы дежурному будут приходить в этот чат. Отключить можно в Habeas на главной странице.`,
    staffLinkRefused:
      'Код не подошёл: он одноразовый и действует 15 минут. Получите новый в Habeas на главной странице.',
    alertTaken: (caseCode: string) => `Вызов принят: дело ${caseCode} теперь за вами.`,
    alertTakenBefore: (caseCode: string) =>
      `Вызов по делу ${caseCode} уже принял другой сотрудник.`,
    alertButtonDead: 'Эта кнопка уже не действует: откройте дело в Habeas.',
  },
  en: {
    welcome: (publicUrl: string) =>
      [
        'Hello! Here you can report a detention or ask a lawyer for help. I will ask a few questions one at a time; most can be answered with a button.',
        `Important: Telegram knows who writes to this bot. If that is dangerous for you, use the form on our website, which also works in Tor Browser: ${publicUrl}/report`,
        'While you answer, your answers are kept encrypted and deleted after an hour if you do not finish. /cancel deletes them.',
      ].join('\n\n'),
    expired:
      'More than an hour has passed and your earlier answers were deleted. Let us start again.',
    continued: 'Let us carry on where you stopped. To start again: /cancel.',
    stale: 'You have already answered that question. The question now is:',
    step: (index: number, total: number, title: string) => `Step ${index} of ${total} · ${title}`,
    skip: 'Skip',
    skipHint: 'If you do not know, press “Skip”.',
    placeHint: 'Type the name or the address.',
    dateHint: 'Type the date as DD.MM.YYYY.',
    dateTimeHint: 'Type the date and time as DD.MM.YYYY HH:MM.',
    switchLanguage: 'Русский',
    notText: 'I understand only text and buttons.',
    cancelled: 'Your answers have been deleted. To start again: /start.',
    nothingToCancel: 'There are no stored answers. To report a detention: /start.',
    submitted: (caseCode: string, followUpUrl: string) =>
      [
        'Your report has been received by the hotline’s lawyers.',
        `Report code: ${caseCode}. Give it if you call us.`,
        `You can follow your report at: ${followUpUrl}\nKeep this link and show it to no one.`,
        'We do not store which chat the report came from. Telegram keeps this conversation: if your phone may be checked, delete this chat.',
      ].join('\n\n'),
    busy: 'Your answer was not saved. Please send it again.',
    failed: (publicUrl: string) =>
      `Something went wrong and your answer was not saved. Try again in a minute or use the form on our website: ${publicUrl}/report`,
    tooFast: 'Too many messages in a row. Please wait a minute and carry on.',
    privateOnly: 'Please write to me in a private chat: in a group everyone sees your answers.',
    staffLinked: (displayName: string) =>
      `Done, ${displayName}: duty alerts will come to this chat. You can turn this off on the Habeas home page.`,
    staffLinkRefused:
      'That code did not work: it is single-use and lasts 15 minutes. Get a new one on the Habeas home page.',
    alertTaken: (caseCode: string) => `Alert taken: case ${caseCode} is yours now.`,
    alertTakenBefore: (caseCode: string) =>
      `The alert on case ${caseCode} was already taken by someone else.`,
    alertButtonDead: 'This button no longer works: open the case in Habeas.',
  },
} satisfies Record<InterviewLanguage, Record<string, unknown>>;

/** English when Telegram says the reporter's app speaks English; Russian otherwise. */
export function chatLanguage(languageCode: string | undefined): InterviewLanguage {
  return languageCode?.toLowerCase().startsWith('en') === true ? 'en' : 'ru';
}
