import type { TimelineEventKind } from '../timeline/timeline-event.ts';
import type { EvidenceItem } from './evidence-item.ts';

/** The names the sheet gives timeline events, as the staff app does. */
const eventNamesRu: Record<TimelineEventKind, string> = {
  reported: 'Сообщение на горячую линию',
  'notice-received': 'Получена повестка',
  'appeal-filed': 'Подана жалоба',
  hearing: 'Судебное заседание',
  detained: 'Задержан',
  transferred: 'Перевезён',
  'medical-board-demanded': 'Потребовал медкомиссию',
  'medical-board-refused': 'Отказали в медкомиссии',
  'lawyer-arrived': 'Адвокат прибыл',
  'lawyer-refused-entry': 'Адвоката не пустили',
  'lawyer-admitted': 'Адвоката пустили',
  released: 'Отпущен',
  'sent-to-unit': 'Отправлен в часть',
  'complaint-sent': 'Отправлена жалоба',
  'answer-received': 'Получен ответ',
  note: 'Заметка',
};

const kindNamesRu: Record<EvidenceItem['kind'], string> = {
  image: 'фотография',
  video: 'видеозапись',
  pdf: 'скан (PDF)',
};

const moscowOffsetMs = 3 * 3_600_000;
const two = (value: number) => String(value).padStart(2, '0');

/** Moscow time (UTC+3 all year since 2014) and the exact UTC instant, for a court. */
export function custodyTime(at: Date): string {
  const moscow = new Date(at.getTime() + moscowOffsetMs);
  const local = `${two(moscow.getUTCDate())}.${two(moscow.getUTCMonth() + 1)}.${moscow.getUTCFullYear()} ${two(moscow.getUTCHours())}:${two(moscow.getUTCMinutes())}:${two(moscow.getUTCSeconds())}`;
  return `${local} (МСК), ${at.toISOString()}`;
}

function bytesRu(size: number): string {
  return `${size.toLocaleString('ru-RU').replace(/\s/g, '\u00a0')} байт`;
}

export type CustodySheetFacts = {
  caseId: string;
  item: EvidenceItem;
  addedByName: string;
  event: { kind: TimelineEventKind; occurredAt: Date; placeName: string | null } | null;
  reviewedByName: string | null;
  issuedByName: string;
  issuedAt: Date;
};

/**
 * What the chain-of-custody sheet of an item says, in Russian: what the original is, its
 * SHA-256 (anyone can recompute it from the file to show it is unchanged), who added it when,
 * the event it documents, and who issued the sheet when.
 */
export function custodySheetLines(facts: CustodySheetFacts): {
  title: string;
  lines: [string, string][];
  footer: string;
} {
  const { item, event } = facts;
  const review = item.review;
  return {
    title: 'Лист хранения доказательства',
    lines: [
      ['Дело', facts.caseId],
      ['Файл', item.fileName],
      ['Вид', `${kindNamesRu[item.kind]}, ${item.mediaType}`],
      ['Размер оригинала', bytesRu(item.byteSize)],
      ['SHA-256 оригинала', item.sha256],
      ['Загружен', `${custodyTime(item.addedAt)}, ${facts.addedByName}`],
      [
        'Событие хронологии',
        event === null
          ? 'не привязан'
          : `${eventNamesRu[event.kind]}, ${custodyTime(event.occurredAt)}${event.placeName === null ? '' : `, ${event.placeName}`}`,
      ],
      [
        'Копия для публикации',
        review === null
          ? 'не делается (видео и сканы не обезличиваются)'
          : review.status === 'publishable'
            ? `проверена: ${facts.reviewedByName ?? ''}, ${review.reviewedAt === null ? '' : custodyTime(review.reviewedAt)}; скрытых областей: ${review.boxes.length}`
            : 'не проверена, к публикации не готова',
      ],
      ['Лист выдан', `${custodyTime(facts.issuedAt)}, ${facts.issuedByName}`],
    ],
    footer:
      'Оригинал хранится без изменений, зашифрованным ключом дела, с момента загрузки. Контрольная сумма SHA-256 вычислена при загрузке; совпадение суммы файла, выданного вместе с этим листом, с указанной выше подтверждает, что файл не изменялся. Копия для публикации — отдельный файл без метаданных, со скрытыми лицами; оригинал ею не заменяется.',
  };
}
