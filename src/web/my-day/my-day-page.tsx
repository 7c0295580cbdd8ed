import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, MyDay } from '../api/api-client.ts';
import { caseName } from '../cases/case-labels.ts';
import { TaskDoneBox } from '../cases/task-done-box.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ConfidenceMark, DateText } from '../legal-position/rule-parts.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { localDateOf } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';

type DayTask = MyDay['tasks'][number];
type DayDeadline = MyDay['deadlines'][number];
type Bucket = DayTask['bucket'];

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; day: MyDay };

type AgendaItem = { kind: 'task'; task: DayTask } | { kind: 'deadline'; deadline: DayDeadline };

const buckets: readonly Bucket[] = ['overdue', 'today', 'soon'];

/** Minutes east of UTC on this device's clock, which decides where the reader's today ends. */
function utcOffsetNow(): number {
  return -new Date().getTimezoneOffset();
}

/**
 * When an item falls, comparable as text: a task at its local date and time, a deadline of the
 * law at the end of its day (it runs until midnight).
 */
function sortKey(item: AgendaItem): string {
  if (item.kind === 'deadline') return `${item.deadline.date}T24:00`;
  const due = new Date(item.task.dueAt);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${localDateOf(due)}T${pad(due.getHours())}:${pad(due.getMinutes())}`;
}

function agendaOf(day: MyDay, bucket: Bucket): AgendaItem[] {
  return [
    ...day.tasks
      .filter((task) => task.bucket === bucket)
      .map((task): AgendaItem => ({ kind: 'task', task })),
    ...day.deadlines
      .filter((deadline) => deadline.bucket === bucket)
      .map((deadline): AgendaItem => ({ kind: 'deadline', deadline })),
  ].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

function CaseLink({
  caseId,
  caseCode,
  onOpenCase,
}: {
  caseId: string;
  caseCode: string | null;
  onOpenCase: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const code = caseName(caseId, caseCode === null ? null : { caseCode });
  return (
    <ScreenLink to={{ caseId }} onShow={() => onOpenCase(caseId)}>
      {t('myDay.case', { code })}
    </ScreenLink>
  );
}

function DeadlineEntry({ deadline }: { deadline: DayDeadline }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="deadline">
      <p className="deadline-date">
        <span className="badge">{t('myDay.deadline')}</span> {deadline.label[language]}{' '}
        <DateText date={deadline.date} language={language} />
      </p>
      <p className="deadline-title">{deadline.title[language]}</p>
      <p>{deadline.statement[language]}</p>
      <p className="deadline-rule">
        {t('myDay.rule', { ruleId: deadline.ruleId })}{' '}
        <ConfidenceMark confidence={deadline.confidence} />
      </p>
    </div>
  );
}

function BucketSection({
  bucket,
  items,
  now,
  busy,
  onToggle,
  onOpenCase,
}: {
  bucket: Bucket;
  items: AgendaItem[];
  now: Date;
  busy: boolean;
  onToggle: (task: DayTask) => void;
  onOpenCase: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`myDay.${bucket}`)}</h2>
      {items.length === 0 ? (
        <p>{t('myDay.nothing')}</p>
      ) : (
        <ul className="agenda">
          {items.map((item) =>
            item.kind === 'task' ? (
              <li key={`task-${item.task.id}`}>
                <TaskDoneBox
                  task={item.task}
                  now={now}
                  busy={busy}
                  onToggle={() => onToggle(item.task)}
                />
                <CaseLink
                  caseId={item.task.caseId}
                  caseCode={item.task.caseCode}
                  onOpenCase={onOpenCase}
                />
              </li>
            ) : (
              <li
                key={`deadline-${item.deadline.caseId}-${item.deadline.ruleId}-${item.deadline.outcomeId}-${item.deadline.date}`}
              >
                <DeadlineEntry deadline={item.deadline} />
                <CaseLink
                  caseId={item.deadline.caseId}
                  caseCode={item.deadline.caseCode}
                  onOpenCase={onOpenCase}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** Answers due on documents sent from the reader's cases, the overdue ones with what to do next. */
function AnswersDue({
  documents,
  onOpenCase,
}: {
  documents: MyDay['documents'];
  onOpenCase: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myDay.answers')}</h2>
      <ul className="agenda">
        {documents.map((document) => (
          <li key={document.documentId}>
            <p className={document.stage === 'overdue' ? 'overdue' : undefined}>
              <span className="badge">
                {document.stage === 'overdue' ? t('myDay.answerOverdue') : t('myDay.answerDue')}
              </span>{' '}
              {t(`myDay.documentKind.${document.kind}`)}:{' '}
              <DateText date={document.answerDue} language={language} />
            </p>
            {document.followUp === null ? null : <p>{document.followUp[language]}</p>}
            <CaseLink
              caseId={document.caseId}
              caseCode={document.caseCode}
              onOpenCase={onOpenCase}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

type MyDayPageProps = {
  api: ApiClient;
  onHome: () => void;
  onOpenCase: (caseId: string) => void;
};

/**
 * The signed-in user's open tasks that are overdue, due today or in the next seven days, with
 * the deadlines of the law on their cases, in the order they fall. Tasks are ticked off here as
 * on the case page; the list keeps its order until it is loaded again.
 */
export function MyDayPage({ api, onHome, onOpenCase }: MyDayPageProps) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const toggling = useSubmission();

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    api.myDay(utcOffsetNow()).then(
      (day) => current && setLoad({ state: 'ready', day }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, load.state]);

  const toggle = (task: DayTask) =>
    toggling.submit(async () => {
      const done = task.status !== 'done';
      const frame = await api.changeCaseTask(task.caseId, task.id, { done });
      const merged = (entry: DayTask): DayTask =>
        entry.id === task.id ? { ...entry, ...frame } : entry;
      setLoad((previous) =>
        previous.state === 'ready'
          ? { state: 'ready', day: { ...previous.day, tasks: previous.day.tasks.map(merged) } }
          : previous,
      );
      setAnnouncement(t(done ? 'tasks.completed' : 'tasks.reopened', { title: task.title }));
    });

  const now = new Date();
  return (
    <PageLayout title={t('myDay.title')}>
      <p>{t('myDay.intro')}</p>
      <p className="notice">{t('myDay.audited')}</p>
      {load.state === 'loading' ? <p role="status">{t('myDay.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('myDay.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' ? (
        <>
          {load.day.unopenedCases > 0 ? (
            <p className="warning">{t('myDay.unopened', { count: load.day.unopenedCases })}</p>
          ) : null}
          {load.day.unevaluatedCases > 0 ? (
            <p className="warning">
              {t('myDay.unevaluated', { count: load.day.unevaluatedCases })}
            </p>
          ) : null}
          <ErrorAlert error={toggling.error} />
          {announcement === '' ? null : (
            <p className="visually-hidden" role="status">
              {announcement}
            </p>
          )}
          <AnswersDue documents={load.day.documents} onOpenCase={onOpenCase} />
          {buckets.map((bucket) => (
            <BucketSection
              key={bucket}
              bucket={bucket}
              items={agendaOf(load.day, bucket)}
              now={now}
              busy={toggling.submitting}
              onToggle={toggle}
              onOpenCase={onOpenCase}
            />
          ))}
        </>
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('myDay.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
