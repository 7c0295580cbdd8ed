import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseFile, EvidenceItem } from '../api/api-client.ts';
import { buildCaseFile, minimalHotline } from '../testing/case-fixtures.ts';
import { casePageRoutes } from '../testing/case-page-routes.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const meId = '0190b8a0-0000-7000-8000-000000000004';
const lawyer: FakeReply = {
  status: 200,
  body: {
    user: { id: meId, email: 'ivan@example.org', displayName: 'Иван Петров', roles: ['lawyer'] },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

const caseId = '0190b8a0-0000-7000-8000-0000000c0003';
const casePath = `/api/v1/cases/${caseId}`;
const eventId = '0190b8a0-0000-7000-8000-0000000e0001';

const caseFile: CaseFile = buildCaseFile({
  id: caseId,
  assigneeIds: [meId],
  createdAt: '2026-11-29T06:00:00.000Z',
  timeline: [
    {
      id: '0190b8a0-0000-7000-8000-0000000e0000',
      kind: 'detained',
      occurredAt: '2026-11-29T07:00:00.000Z',
      placeId: null,
      powerOfAttorney: null,
      note: null,
      recordedBy: meId,
      recordedAt: '2026-11-29T07:05:00.000Z',
    },
    {
      id: eventId,
      kind: 'lawyer-refused-entry',
      occurredAt: '2026-11-29T09:30:00.000Z',
      placeId: null,
      powerOfAttorney: 'notarised',
      note: null,
      recordedBy: meId,
      recordedAt: '2026-11-29T09:31:00.000Z',
    },
  ],
});

const hotline = minimalHotline;

const sha256 = 'a'.repeat(64);

function item(overrides: Partial<EvidenceItem>): EvidenceItem {
  return {
    id: '0190b8a0-0000-7000-8000-0000000d0001',
    caseId,
    kind: 'image',
    mediaType: 'image/jpeg',
    byteSize: 2_400_000,
    sha256,
    width: 4000,
    height: 3000,
    timelineEventId: eventId,
    fileName: 'дверь.jpg',
    review: {
      status: 'pending',
      detector: 'found',
      boxes: [
        { x: 0.1, y: 0.1, width: 0.1, height: 0.1, origin: 'detected' },
        { x: 0.5, y: 0.5, width: 0.1, height: 0.1, origin: 'detected' },
      ],
      reviewedBy: null,
      reviewedAt: null,
    },
    addedBy: meId,
    addedAt: '2026-11-29T09:35:00.000Z',
    ...overrides,
  };
}

function routes(
  items: EvidenceItem[],
  extra: Record<string, (request: { body: unknown }) => FakeReply> = {},
) {
  return {
    'GET /api/v1/me': () => lawyer,
    'GET /api/v1/questionnaires/hotline': (): FakeReply => ({ status: 200, body: hotline }),
    [`GET ${casePath}`]: (): FakeReply => ({ status: 200, body: caseFile }),
    ...casePageRoutes(caseId),
    [`GET ${casePath}/evidence`]: (): FakeReply => ({ status: 200, body: { items } }),
    ...extra,
  };
}

const section = () => screen.findByRole('region', { name: 'Доказательства' });

describe('the evidence of a case', () => {
  it('lists files with SHA-256, and says that video is not blurred', async () => {
    const video = item({
      id: '0190b8a0-0000-7000-8000-0000000d0002',
      kind: 'video',
      mediaType: 'video/mp4',
      fileName: 'метро.mp4',
      review: null,
      width: null,
      height: null,
      timelineEventId: null,
      addedBy: '0190b8a0-0000-7000-8000-000000000009',
    });
    startApp(`/staff/cases/${caseId}`, fakeServer(routes([item({}), video])));
    const panel = within(await section());
    expect(await panel.findByText('дверь.jpg')).toBeTruthy();
    expect(panel.getAllByText(sha256)).toHaveLength(2);
    expect(panel.getByText(/лица в видео НЕ размываются/)).toBeTruthy();
    expect(
      panel.getByRole('link', { name: 'Скачать копию без метаданных (лица не скрыты)' }),
    ).toBeTruthy();
    expect(panel.getByText(/вами/)).toBeTruthy();
    expect(panel.getByText(/коллегой/)).toBeTruthy();
    const original = panel.getAllByRole('link', { name: 'Скачать оригинал' })[0];
    expect(original?.getAttribute('href')).toBe(`${casePath}/evidence/${item({}).id}/original`);
  });

  it('takes the door photo for the refused entry straight from the camera input', async () => {
    const user = userEvent.setup();
    const sent: FormData[] = [];
    const server = fakeServer(
      routes([], {
        [`POST ${casePath}/evidence`]: (request) => {
          sent.push(request.body as FormData);
          return { status: 201, body: item({}) };
        },
      }),
    );
    startApp(`/staff/cases/${caseId}`, server);
    const panel = within(await section());
    const door = (await panel.findByLabelText('Фото двери')) as HTMLInputElement;
    expect(door.getAttribute('capture')).toBe('environment');
    await user.upload(door, new File(['jpeg'], 'IMG_0001.JPG', { type: 'image/jpeg' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.get('timelineEventId')).toBe(eventId);
    expect((sent[0]?.get('file') as File | undefined)?.name).toBe('дверь.jpg');
    expect(await panel.findByText('дверь.jpg')).toBeTruthy();
  });

  it('shows a refusal in the reader’s language', async () => {
    const user = userEvent.setup();
    const server = fakeServer(
      routes([], {
        [`POST ${casePath}/evidence`]: () =>
          errorReply(
            415,
            'EVIDENCE_TYPE_REFUSED',
            'Файл не принят, ничего не сохранено. SVG не принимается.',
          ),
      }),
    );
    startApp(`/staff/cases/${caseId}`, server);
    const panel = within(await section());
    await user.upload(
      (await panel.findByLabelText('Файл')) as HTMLInputElement,
      new File(['<svg/>'], 'door.png', { type: 'image/png' }),
    );
    await user.click(panel.getByRole('button', { name: 'Загрузить' }));
    expect((await panel.findByRole('alert')).textContent).toContain('SVG не принимается');
  });

  it('removes a detected box and marks the copy publishable', async () => {
    const user = userEvent.setup();
    const reviews: unknown[] = [];
    const server = fakeServer(
      routes([item({})], {
        [`PUT ${casePath}/evidence/${item({}).id}/review`]: (request) => {
          reviews.push(request.body);
          const body = request.body as {
            boxes: EvidenceItem['review'] extends infer R ? R : never;
          };
          return {
            status: 200,
            body: item({
              review: {
                status: 'publishable',
                detector: 'found',
                boxes: (body as unknown as { boxes: NonNullable<EvidenceItem['review']>['boxes'] })
                  .boxes,
                reviewedBy: meId,
                reviewedAt: '2026-11-29T09:40:00.000Z',
              },
            }),
          };
        },
      }),
    );
    startApp(`/staff/cases/${caseId}`, server);
    const panel = within(await section());
    await user.click(await panel.findByRole('button', { name: 'Проверить копию для публикации' }));
    const review = within(await screen.findByRole('region', { name: /Копия для публикации/ }));
    expect(review.getByText(/Найдено лиц: 2/)).toBeTruthy();
    const preview = review.getByRole('img') as HTMLImageElement;
    expect(preview.getAttribute('src')).toContain('publication-copy?preview=true');
    fireEvent.click(review.getByRole('button', { name: 'Убрать область 1' }));
    expect(review.getByText('Скрываемых областей: 1.')).toBeTruthy();
    await user.click(review.getByRole('button', { name: 'Готово к публикации' }));
    await waitFor(() => expect(reviews).toHaveLength(1));
    expect(reviews[0]).toEqual({
      boxes: [{ x: 0.5, y: 0.5, width: 0.1, height: 0.1, origin: 'detected' }],
      publishable: true,
    });
    expect(await panel.findByRole('link', { name: 'Скачать копию для публикации' })).toBeTruthy();
  });
});
