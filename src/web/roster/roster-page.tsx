import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentStaffResponse } from '../../contracts/staff.ts';
import { type ApiClient, ApiError, type RosterResponse } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant, formatInstantDate } from '../ui/format-date.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import { TelegramAlertsPanel } from './telegram-alerts-panel.tsx';
import { addDays, overlapsDay, toLocalInput, weekStartOf } from './week.ts';

type RosterPageProps = { api: ApiClient; staff: CurrentStaffResponse; onHome: () => void };

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; roster: RosterResponse };

const dayNames = {
  ru: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

function clockTime(instant: string): string {
  const moment = new Date(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

function ShiftForm({
  api,
  roster,
  weekStart,
  onAdded,
}: {
  api: ApiClient;
  roster: RosterResponse;
  weekStart: Date;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  const [userId, setUserId] = useState('');
  const [startsAt, setStartsAt] = useState(toLocalInput(addDays(weekStart, 0)));
  const [endsAt, setEndsAt] = useState(
    toLocalInput(new Date(weekStart.getTime() + 12 * 3_600_000)),
  );
  const [region, setRegion] = useState('');
  const [added, setAdded] = useState(false);
  const fieldError = (field: string) =>
    error instanceof ApiError ? error.fieldMessage(field) : undefined;

  return (
    <form
      aria-labelledby="add-shift-title"
      onSubmit={(event) => {
        event.preventDefault();
        setAdded(false);
        submit(async () => {
          await api.addShift({
            userId,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(endsAt).toISOString(),
            region: region.trim() === '' ? null : region.trim(),
          });
          setAdded(true);
          onAdded();
        });
      }}
    >
      <h2 id="add-shift-title">{t('roster.addTitle')}</h2>
      <SelectField
        label={t('roster.person')}
        value={userId}
        placeholder={t('roster.choosePerson')}
        options={roster.staff.map((member) => ({
          value: member.userId,
          label: member.displayName,
        }))}
        onChange={setUserId}
        error={fieldError('userId')}
        required
      />
      <TextField
        type="datetime-local"
        label={t('roster.startsAt')}
        value={startsAt}
        onChange={setStartsAt}
        error={fieldError('startsAt')}
        required
      />
      <TextField
        type="datetime-local"
        label={t('roster.endsAt')}
        value={endsAt}
        onChange={setEndsAt}
        error={fieldError('endsAt')}
        required
      />
      <TextField
        label={t('roster.region')}
        hint={t('roster.regionHint')}
        value={region}
        onChange={setRegion}
        error={fieldError('region')}
      />
      <ErrorAlert error={error} />
      {added ? (
        <p className="notice" role="status">
          {t('roster.added')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={submitting}>
        {t('roster.add')}
      </button>
    </form>
  );
}

function EscalationForm({
  api,
  minutes,
  onSaved,
}: {
  api: ApiClient;
  minutes: number;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  const [value, setValue] = useState(String(minutes));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(async () => {
          await api.setEscalationMinutes(Number(value));
          onSaved();
        });
      }}
    >
      <TextField
        type="number"
        min={1}
        max={120}
        label={t('roster.escalation')}
        value={value}
        onChange={setValue}
      />
      <ErrorAlert error={error} />
      <button type="submit" disabled={submitting}>
        {t('roster.escalationSave')}
      </button>
    </form>
  );
}

/**
 * The duty roster a week at a time: who is on duty now, each day's shifts, the time nobody
 * covers. Coordinators put people on duty and take them off here.
 */
export function RosterPage({ api, staff, onHome }: RosterPageProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(new Date()));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const removal = useSubmission();
  const manages = staff.user.roles.some((role) => role === 'coordinator' || role === 'admin');
  const weekEnd = addDays(weekStart, 7);

  const [generation, setGeneration] = useState(0);
  const from = weekStart.toISOString();
  const to = weekEnd.toISOString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: each generation is one reread
  useEffect(() => {
    let current = true;
    api.roster({ from, to }).then(
      (roster) => current && setLoad({ state: 'ready', roster }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, from, to, generation]);

  const showWeek = (start: Date) => {
    setWeekStart(start);
    setLoad({ state: 'loading' });
  };
  // A reread keeps the page in place, forms and their messages included.
  const reload = () => setGeneration((value) => value + 1);

  return (
    <PageLayout title={t('roster.title')}>
      <p>{t('roster.intro')}</p>
      <TelegramAlertsPanel api={api} />
      {load.state === 'loading' ? <p role="status">{t('roster.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => showWeek(weekStart)}>
            {t('roster.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' ? (
        <>
          <section aria-labelledby="on-duty-title">
            <h2 id="on-duty-title">{t('roster.onDutyNow')}</h2>
            {load.roster.onDutyNow.length === 0 ? (
              <p className="notice">{t('roster.nobodyOnDuty')}</p>
            ) : (
              <ol className="on-duty">
                {load.roster.onDutyNow.map((member) => (
                  <li key={member.userId}>{member.displayName}</li>
                ))}
              </ol>
            )}
            <p className="muted">
              {t('roster.escalationNow', { count: load.roster.escalationMinutes })}
            </p>
          </section>
          <div className="actions">
            <button type="button" onClick={() => showWeek(addDays(weekStart, -7))}>
              {t('roster.previousWeek')}
            </button>
            <button type="button" onClick={() => showWeek(weekStartOf(new Date()))}>
              {t('roster.thisWeek')}
            </button>
            <button type="button" onClick={() => showWeek(addDays(weekStart, 7))}>
              {t('roster.nextWeek')}
            </button>
          </div>
          <h2>
            {t('roster.week', {
              from: formatInstantDate(weekStart.toISOString(), language),
              to: formatInstantDate(addDays(weekStart, 6).toISOString(), language),
            })}
          </h2>
          <section aria-labelledby="gaps-title">
            <h3 id="gaps-title">{t('roster.gaps')}</h3>
            {load.roster.gaps.length === 0 ? (
              <p>{t('roster.noGaps')}</p>
            ) : (
              <ul className="gaps">
                {load.roster.gaps.map((gap) => (
                  <li key={gap.from}>
                    {t('roster.gap', {
                      from: formatInstant(gap.from, language),
                      to: formatInstant(gap.to, language),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ErrorAlert error={removal.error} />
          <div className="week">
            {dayNames[language].map((dayName, index) => {
              const day = addDays(weekStart, index);
              const shifts = load.roster.shifts.filter((shift) =>
                overlapsDay(shift.startsAt, shift.endsAt, day),
              );
              return (
                <section key={dayName} className="day" aria-label={dayName}>
                  <h3>
                    {dayName}, {formatInstantDate(day.toISOString(), language)}
                  </h3>
                  {shifts.length === 0 ? (
                    <p className="muted">{t('roster.noShifts')}</p>
                  ) : (
                    <ul className="shifts">
                      {shifts.map((shift) => (
                        <li key={shift.id}>
                          {t('roster.shift', {
                            from: clockTime(shift.startsAt),
                            to: clockTime(shift.endsAt),
                          })}{' '}
                          <strong>{shift.displayName}</strong>{' '}
                          <span className="muted">({shift.region ?? t('roster.everyRegion')})</span>
                          {manages ? (
                            <button
                              type="button"
                              className="link"
                              disabled={removal.submitting}
                              onClick={() =>
                                removal.submit(async () => {
                                  await api.removeShift(shift.id);
                                  reload();
                                })
                              }
                            >
                              {t('roster.remove')}
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
          {manages ? (
            <>
              <ShiftForm api={api} roster={load.roster} weekStart={weekStart} onAdded={reload} />
              <EscalationForm
                key={load.roster.escalationMinutes}
                api={api}
                minutes={load.roster.escalationMinutes}
                onSaved={reload}
              />
            </>
          ) : null}
        </>
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('roster.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
