import { type PointerEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { blurBox } from '../../contracts/evidence.ts';
import { type ApiClient, type EvidenceItem, evidenceFileUrl } from '../api/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type Box = z.infer<typeof blurBox>;
type Point = { x: number; y: number };

/** A drag shorter than this share of the picture is a click, not a box. */
const smallestBox = 0.01;

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

function boxBetween(start: Point, end: Point): Box {
  return {
    x: Math.min(start.x, end.x),
    y: Math.min(start.y, end.y),
    width: Math.abs(end.x - start.x),
    height: Math.abs(end.y - start.y),
    origin: 'drawn',
  };
}

/**
 * The review of a picture's copy for publication. The preview is rendered by the server with
 * the saved boxes hidden; outlines show the boxes being edited. A box is removed by pressing it
 * and added by dragging over the picture. Only "publishable" lets the copy out.
 */
export function PublicationReview({
  api,
  caseId,
  item,
  onSaved,
  onClose,
}: {
  api: ApiClient;
  caseId: string;
  item: EvidenceItem;
  onSaved: (item: EvidenceItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const review = item.review;
  const [boxes, setBoxes] = useState<Box[]>(review?.boxes ?? []);
  const [start, setStart] = useState<Point | null>(null);
  const [pending, setPending] = useState<Box | null>(null);
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState('');
  const frame = useRef<HTMLDivElement>(null);
  const saving = useSubmission();
  if (review === null) return null;

  const pointOf = (event: PointerEvent): Point | null => {
    const bounds = frame.current?.getBoundingClientRect();
    if (!bounds || bounds.width === 0 || bounds.height === 0) return null;
    return {
      x: Math.min(1, Math.max(0, (event.clientX - bounds.left) / bounds.width)),
      y: Math.min(1, Math.max(0, (event.clientY - bounds.top) / bounds.height)),
    };
  };

  const down = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button')) return;
    const point = pointOf(event);
    if (point === null) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setStart(point);
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    const point = start === null ? null : pointOf(event);
    if (start !== null && point !== null) setPending(boxBetween(start, point));
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    const point = start === null ? null : pointOf(event);
    if (start !== null && point !== null) {
      const box = boxBetween(start, point);
      if (box.width >= smallestBox && box.height >= smallestBox)
        setBoxes((previous) => [...previous, box]);
    }
    setStart(null);
    setPending(null);
  };

  const save = (publishable: boolean) =>
    saving.submit(async () => {
      const updated = await api.reviewEvidence(caseId, item.id, { boxes, publishable });
      onSaved(updated);
      setVersion((previous) => previous + 1);
      setSaved(t(publishable ? 'evidence.reviewPublished' : 'evidence.reviewSaved'));
    });

  return (
    <section className="publication-review" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('evidence.reviewTitle', { name: item.fileName })}</h3>
      {review.detector === 'failed' ? (
        <p className="alert" role="alert">
          {t('evidence.detectorFailed')}
        </p>
      ) : (
        <p>
          {t('evidence.facesFound', {
            count: review.boxes.filter((box) => box.origin === 'detected').length,
          })}
        </p>
      )}
      <p className="hint">{t('evidence.reviewHint')}</p>
      <div
        ref={frame}
        className="review-frame"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
      >
        <img
          src={`${evidenceFileUrl(caseId, item.id, 'preview')}&revision=${version}`}
          alt={t('evidence.previewAlt')}
          draggable={false}
        />
        {boxes.map((box, index) => (
          <button
            // Boxes have no identity of their own; their place in the list is theirs.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            type="button"
            className={`review-box review-box-${box.origin}`}
            style={{
              left: percent(box.x),
              top: percent(box.y),
              width: percent(box.width),
              height: percent(box.height),
            }}
            aria-label={t('evidence.removeBox', { number: index + 1 })}
            onClick={() => setBoxes((previous) => previous.filter((_, other) => other !== index))}
          />
        ))}
        {pending ? (
          <span
            className="review-box review-box-pending"
            style={{
              left: percent(pending.x),
              top: percent(pending.y),
              width: percent(pending.width),
              height: percent(pending.height),
            }}
          />
        ) : null}
      </div>
      <p>{t('evidence.boxCount', { count: boxes.length })}</p>
      {saved === '' ? null : <p role="status">{saved}</p>}
      <ErrorAlert error={saving.error} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={saving.submitting}
          onClick={() => save(false)}
        >
          {t('evidence.saveBoxes')}
        </button>
        <button type="button" disabled={saving.submitting} onClick={() => save(true)}>
          {t('evidence.markPublishable')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('evidence.closeReview')}
        </button>
      </div>
    </section>
  );
}
