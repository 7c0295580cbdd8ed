import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTask } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatInstant } from '../ui/format-date.ts';

type TaskDoneBoxProps = {
  task: CaseTask;
  /** When the page was drawn: a task due before it and still open is overdue. */
  now: Date;
  busy: boolean;
  onToggle: () => void;
};

/**
 * One task as a checkbox labelled with what is to be done, its due time read out with it.
 * Space ticks it done or reopens it; while a change is on its way the others wait.
 */
export function TaskDoneBox({ task, now, busy, onToggle }: TaskDoneBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const done = task.status === 'done';
  const overdue = !done && new Date(task.dueAt).getTime() < now.getTime();
  return (
    <div className={done ? 'task task-done' : 'task'}>
      <label className="choice">
        <input
          type="checkbox"
          checked={done}
          // Not disabled while a change is on its way: disabling would take the focus away.
          aria-disabled={busy || undefined}
          aria-describedby={`${id}-due`}
          onChange={() => {
            if (!busy) onToggle();
          }}
        />
        <span className="task-title">{task.title}</span>
      </label>
      <p className="task-due" id={`${id}-due`}>
        <time dateTime={task.dueAt}>
          {t('tasks.due', { time: formatInstant(task.dueAt, currentLanguage()) })}
        </time>
        {overdue ? (
          <>
            {' '}
            <span className="badge badge-overdue">{t('tasks.overdue')}</span>
          </>
        ) : null}
        {done ? (
          <>
            {' '}
            <span className="badge">{t('tasks.done')}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}
