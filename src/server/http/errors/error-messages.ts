import type { AppErrorCode } from '../../../app/app-error.ts';
import {
  type EvidenceRefusalReason,
  evidenceRefusal,
} from '../../../domain/evidence/evidence-checks.ts';
import type { Language } from '../language.ts';

/** Codes the HTTP layer itself produces, besides those of the use cases. */
export type HttpErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_ANSWERS'
  | 'MALFORMED_BODY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'CSRF_REJECTED'
  | 'RATE_LIMITED'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INTERNAL';

export type ErrorCode = AppErrorCode | HttpErrorCode;

type ErrorMeaning = { status: number; ru: string; en: string };

/** Every error code, its HTTP status and what a person is told, in one place. */
export const errorMeanings: Record<ErrorCode, ErrorMeaning> = {
  UNAUTHENTICATED: {
    status: 401,
    ru: 'Нужно войти в систему.',
    en: 'Please log in.',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 401,
    ru: 'Введите код из приложения-аутентификатора.',
    en: 'Enter the code from your authenticator app.',
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 401,
    ru: 'Сначала подключите приложение-аутентификатор.',
    en: 'First set up your authenticator app.',
  },
  FORBIDDEN: {
    status: 403,
    ru: 'У вас нет прав на это действие.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: { status: 404, ru: 'Не найдено.', en: 'Not found.' },
  INVALID_CREDENTIALS: {
    status: 401,
    ru: 'Неверный адрес или пароль, или вход временно заблокирован. Попробуйте позже.',
    en: 'Wrong e-mail or password, or login is temporarily locked. Try again later.',
  },
  INVALID_CODE: {
    status: 401,
    ru: 'Код не подошёл. Введите новый код из приложения.',
    en: 'That code did not work. Enter a fresh code from the app.',
  },
  WEAK_PASSWORD: {
    status: 422,
    ru: 'Пароль слишком простой.',
    en: 'This password is too weak.',
  },
  TOKEN_INVALID: {
    status: 400,
    ru: 'Ссылка недействительна или уже использована. Попросите новую.',
    en: 'This link is invalid or was already used. Ask for a new one.',
  },
  CONFLICT: {
    status: 409,
    ru: 'Такая запись уже существует.',
    en: 'This already exists.',
  },
  KEY_UNAVAILABLE: {
    status: 403,
    ru: 'У вас нет ключа к этому делу. Попросите коллегу, у которого он есть, открыть вам доступ.',
    en: 'You hold no key to this case. Ask a colleague who has it to grant you access.',
  },
  SEALED_DATA_REFUSED: {
    status: 409,
    ru: 'Данные дела не прошли проверку целостности и не были показаны. Сообщите администратору.',
    en: 'The case data failed its integrity check and was not shown. Tell your administrator.',
  },
  CASE_NOT_OPEN: {
    status: 409,
    ru: 'Дело закрыто: в нём ничего нельзя изменить.',
    en: 'The case is closed: nothing in it can be changed.',
  },
  CASE_MERGED: {
    status: 409,
    ru: 'Это дело объединено с другим: решайте о нём в деле, куда оно вошло.',
    en: 'This case was merged into another: decide on it in the case it went into.',
  },
  VALIDATION_FAILED: {
    status: 400,
    ru: 'Проверьте заполнение полей.',
    en: 'Please check the fields.',
  },
  FACTS_REFUSED: {
    status: 422,
    ru: 'Так не могло быть: проверьте даты и порядок событий.',
    en: 'This cannot be right: check the dates and the order of events.',
  },
  SPREADSHEET_UNREADABLE: {
    status: 422,
    ru: 'Файл не удалось прочитать как таблицу.',
    en: 'The file could not be read as a spreadsheet.',
  },
  IMPORT_REFUSED: {
    status: 422,
    ru: 'Импорт не выполнен: в таблице есть ошибки. Ничего не записано.',
    en: 'Nothing was imported: the sheet has errors. Nothing was written.',
  },
  TELEGRAM_NOT_CONFIGURED: {
    status: 409,
    ru: 'У организации не настроен Telegram-бот: вызовы приходят на почту и на доску.',
    en: 'The organisation has no Telegram bot set up: alerts come by e-mail and on the board.',
  },
  DOCUMENT_FIELDS_MISSING: {
    status: 422,
    ru: 'Документ не создан: заполните недостающие поля.',
    en: 'The document was not made: fill in the missing fields.',
  },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    ru: 'Файл не принят, ничего не сохранено.',
    en: 'The file was refused; nothing was stored.',
  },
  EVIDENCE_TYPE_REFUSED: {
    status: 415,
    ru: 'Файл не принят, ничего не сохранено.',
    en: 'The file was refused; nothing was stored.',
  },
  EVIDENCE_REFUSED: {
    status: 422,
    ru: 'Файл не принят, ничего не сохранено.',
    en: 'The file was refused; nothing was stored.',
  },
  EVIDENCE_NOT_REVIEWED: {
    status: 409,
    ru: 'Копия для публикации не готова.',
    en: 'The copy for publication is not ready.',
  },
  INVALID_ANSWERS: {
    status: 422,
    ru: 'Проверьте ответы: некоторые поля заполнены неверно.',
    en: 'Please check the answers: some fields are not right.',
  },
  MALFORMED_BODY: {
    status: 400,
    ru: 'Запрос не удалось прочитать.',
    en: 'The request could not be read.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    ru: 'Запрос слишком большой.',
    en: 'The request is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    ru: 'Этот тип содержимого не принимается.',
    en: 'This content type is not accepted.',
  },
  CSRF_REJECTED: {
    status: 403,
    ru: 'Форма устарела. Обновите страницу и попробуйте снова.',
    en: 'The form has expired. Reload the page and try again.',
  },
  RATE_LIMITED: {
    status: 429,
    ru: 'Слишком много запросов. Подождите немного.',
    en: 'Too many requests. Please wait a little.',
  },
  ROUTE_NOT_FOUND: { status: 404, ru: 'Такой страницы нет.', en: 'There is no such page.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    ru: 'Этот метод здесь не поддерживается.',
    en: 'This method is not supported here.',
  },
  INTERNAL: {
    status: 500,
    ru: 'Внутренняя ошибка. Мы уже знаем о ней; попробуйте ещё раз.',
    en: 'Internal error. It has been logged; please try again.',
  },
};

const passwordReasons: Record<string, { ru: string; en: string }> = {
  TOO_SHORT: { ru: 'Нужно не меньше 12 символов.', en: 'Use at least 12 characters.' },
  TOO_LONG: { ru: 'Не больше 256 символов.', en: 'Use at most 256 characters.' },
  TOO_COMMON: {
    ru: 'Этот пароль есть в списках утёкших паролей.',
    en: 'This password appears in lists of leaked passwords.',
  },
};

/** Why a file is not a sheet that can be imported, by the reader's reason. */
const spreadsheetReasons: Record<string, { ru: string; en: string }> = {
  'not-a-spreadsheet': {
    ru: 'Нужен файл XLSX или CSV.',
    en: 'An XLSX or CSV file is needed.',
  },
  'old-excel-format': {
    ru: 'Это старый формат Excel (.xls): сохраните файл как .xlsx.',
    en: 'This is the old Excel format (.xls): save the file as .xlsx.',
  },
  damaged: { ru: 'Файл повреждён.', en: 'The file is damaged.' },
  empty: { ru: 'В первом листе нет ни одной строки.', en: 'The first sheet has no rows.' },
  'too-many-rows': {
    ru: 'Слишком много строк для одного импорта: разделите файл.',
    en: 'Too many rows for one import: split the file.',
  },
  'too-many-columns': {
    ru: 'Слишком много столбцов.',
    en: 'Too many columns.',
  },
  'too-large': { ru: 'Файл слишком большой.', en: 'The file is too large.' },
};

const evidenceRefusalReasons: readonly EvidenceRefusalReason[] = [
  'EMPTY',
  'SVG',
  'UNSUPPORTED_TYPE',
  'TOO_LARGE',
  'TRUNCATED',
  'PIXEL_FLOOD',
  'UNREADABLE',
  'TIMELINE_EVENT_NOT_FOUND',
];

/** Why an upload was refused: the domain's own words, so the API and the checks agree. */
const evidenceReasons: Record<string, { ru: string; en: string }> = {
  ...Object.fromEntries(
    evidenceRefusalReasons.map((reason) => [reason, evidenceRefusal(reason).message]),
  ),
  BOXES_INVALID: {
    ru: 'Области для скрытия должны лежать внутри снимка, их не больше 200.',
    en: 'Boxes to hide must lie within the picture, 200 at most.',
  },
};

/** Why a copy for publication cannot be had. */
const publicationReasons: Record<string, { ru: string; en: string }> = {
  'not-a-picture': {
    ru: 'Сканы не публикуются: копии для публикации у них нет.',
    en: 'Scans are not published: they have no copy for publication.',
  },
  'not-reviewable': {
    ru: 'Проверяются только фотографии: в видео лица не скрываются.',
    en: 'Only photos are reviewed: faces in videos are not hidden.',
  },
  'video-metadata-kept': {
    ru: 'Из видео WebM метаданные здесь не удаляются: копии для публикации нет.',
    en: 'Metadata cannot be removed from a WebM video here: there is no copy for publication.',
  },
  'not-reviewed': {
    ru: 'Сотрудник ещё не проверил скрытые области и не отметил копию как готовую.',
    en: 'No one has reviewed the hidden areas and marked the copy ready yet.',
  },
};

const reasonsByCode: Partial<Record<ErrorCode, Record<string, { ru: string; en: string }>>> = {
  WEAK_PASSWORD: passwordReasons,
  SPREADSHEET_UNREADABLE: spreadsheetReasons,
  EVIDENCE_TOO_LARGE: evidenceReasons,
  EVIDENCE_TYPE_REFUSED: evidenceReasons,
  EVIDENCE_REFUSED: evidenceReasons,
  EVIDENCE_NOT_REVIEWED: publicationReasons,
};

export function errorMessage(code: ErrorCode, language: Language, detail?: string): string {
  const base = errorMeanings[code][language];
  const extra = detail ? reasonsByCode[code]?.[detail]?.[language] : undefined;
  return extra ? `${base} ${extra}` : base;
}
