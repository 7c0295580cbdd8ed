import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CaseTask } from '../api/api-client.ts';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { localDateOf } from '../ui/format-date.ts';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import { TaskDoneBox } from './task-done-box.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; tasks: CaseTask[] };

/**
 * The first due time offered: tomorrow at 10:00 on the reader's clock, the start of a working
 * morning, and never already past. In the form of a datetime-local field.
 */
export function defaultDueAt(now: Date): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return `${localDateOf(tomorrow)}T10:00`;
}

/** A datetime-local value (the reader's wall clock) as an instant; null when unset or invalid. */
function instantOf(localValue: string): string | null {
  const moment = new Date(localValue);
  return localValue === '' || Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/**
 * A case's tasks: ticked done or reopened in place, and added with a due time that starts at
 * tomorrow morning. The list keeps its order until it is loaded again, so a ticked box stays
 * under the keyboard's focus. Opening the titles is recorded on the server.
 */
export function CaseTasksPanel({ api, caseId }: { api: ApiClient; caseId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState(() => defaultDueAt(new Date()));
  const [dueMissing, setDueMissing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const adding = useSubmission();
  const toggling = useSubmission();

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    api.caseTasks(caseId).then(
      ({ tasks }) => current && setLoad({ state: 'ready', tasks }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, load.state]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const due = instantOf(dueAt);
    setDueMissing(due === null);
    if (due === null) {
      adding.clearError();
      return;
    }
    adding.submit(async () => {
      const task = await api.addCaseTask(caseId, { title, dueAt: due });
      setLoad((previous) =>
        previous.state === 'ready' ? { ...previous, tasks: [...previous.tasks, task] } : previous,
      );
      setTitle('');
      setAnnouncement(t('tasks.added', { title: task.title }));
      formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
    });
  };

  const toggle = (task: CaseTask) =>
    toggling.submit(async () => {
      const done = task.status !== 'done';
      const frame = await api.changeCaseTask(caseId, task.id, { done });
      setLoad((previous) =>
        previous.state === 'ready'
          ? {
              ...previous,
              tasks: previous.tasks.map((entry) =>
                entry.id === task.id ? { ...entry, ...frame } : entry,
              ),
            }
          : previous,
      );
      setAnnouncement(t(done ? 'tasks.completed' : 'tasks.reopened', { title: task.title }));
    });

  const now = new Date();
  return (
    <section className="case-tasks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tasks.title')}</h2>
      {load.state === 'loading' ? <p role="status">{t('tasks.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('tasks.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' && load.tasks.length === 0 ? <p>{t('tasks.empty')}</p> : null}
      {load.state === 'ready' && load.tasks.length > 0 ? (
        <ul className="task-list">
          {load.tasks.map((task) => (
            <li key={task.id}>
              <TaskDoneBox
                task={task}
                now={now}
                busy={toggling.submitting}
                onToggle={() => toggle(task)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={toggling.error} />
      {announcement === '' ? null : (
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      )}
      {load.state === 'ready' ? (
        <form ref={formRef} className="task-form" onSubmit={add} noValidate>
          <h3>{t('tasks.add')}</h3>
          <TextField
            name="title"
            label={t('tasks.what')}
            hint={t('tasks.whatHint')}
            value={title}
            onChange={setTitle}
            autoComplete="off"
            required
            error={fieldMessage(adding.error, 'title')}
          />
          <TextField
            name="dueAt"
            type="datetime-local"
            label={t('tasks.dueAt')}
            hint={t('tasks.dueHint')}
            value={dueAt}
            onChange={setDueAt}
            required
            error={dueMissing ? t('tasks.dueMissing') : fieldMessage(adding.error, 'dueAt')}
          />
          <ErrorAlert error={fieldlessError(adding.error)} />
          <button type="submit" className="primary" disabled={adding.submitting}>
            {t('tasks.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** A refusal that names no field of the form is shown above the button; field ones beside it. */
function fieldlessError(error: unknown): unknown {
  const named = ['title', 'dueAt'].some((field) => fieldMessage(error, field) !== undefined);
  return named ? null : error;
}
