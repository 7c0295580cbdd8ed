import { randomUUID } from 'node:crypto';

/** A report the server acknowledged: it answered that the report was stored. */
export type AcknowledgedReport = {
  channel: 'api' | 'web';
  /** Personal answers, sealed at rest: each report's are unique, to be found again. */
  personName: string;
  details: string;
  followUpToken: string;
  /** The JSON API answers with the case code; the form redirects to the follow-up page. */
  caseCode: string | null;
};

export type IntakeLoadCounts = {
  sent: number;
  acknowledged: number;
  /** Answered, but not with an acknowledgement (an error status). */
  refused: number;
  /** Sent, and no answer came: the connection broke. */
  unanswered: number;
  /** Not sent: no server was listening (it was being restarted). */
  notConnected: number;
};

export type IntakeLoad = {
  acknowledged: AcknowledgedReport[];
  counts(): IntakeLoadCounts;
  /** Requests sent and not yet answered or failed. */
  inFlight(): number;
  /** Statuses of the answers that were not acknowledgements, with how often each came. */
  refusals(): Map<number, number>;
  stop(): Promise<void>;
};

/** A detention reported at a metro station: the path of the benchmark, plus a unique text. */
export function reportAnswers(serial: string): Record<string, string> {
  return {
    'reporter-role': 'witness',
    situation: 'detained',
    'person-name': `Стойкий Пётр ${serial}`,
    'person-birth-date': '2006-01-01',
    'contact-phone': '+7 900 000-00-00',
    'taken-from': 'metro',
    'detained-at': '2025-10-18T09:40',
    'taken-to': 'conscription-centre',
    'taken-from-station': 'Выхино',
    'pending-appeal': 'no',
    'needs-lawyer': 'yes',
    'detention-details': `Задержан у выхода метро, отметка ${serial}`,
    consent: 'yes',
  };
}

function connectionRefused(error: unknown): boolean {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}

const followUpPath = /\/r\/([\w-]{43})/;

/** One reporter's browser without JavaScript: the CSRF cookie and the form's hidden fields. */
type FormSession = { cookie: string; hidden: Record<string, string> };

async function openForm(baseUrl: string): Promise<FormSession> {
  const response = await fetch(`${baseUrl}/report`);
  const page = await response.text();
  const hidden: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    hidden[match[1] ?? ''] = match[2] ?? '';
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .join('; ');
  if (response.status !== 200 || hidden._csrf === undefined) {
    throw new Error(`the report form answered ${response.status}`);
  }
  return { cookie, hidden };
}

/**
 * Reports detentions as fast as the server takes them, from several concurrent clients: most
 * through the JSON API, some through the no-JavaScript form (its last step, carrying every
 * answer as the form's hidden fields do). Each acknowledgement is recorded with the unique
 * answers it was given. When the server is down, clients retry after a short pause.
 */
export function startIntakeLoad(options: {
  baseUrl: string;
  clients: number;
  /** Every n-th client uses the web form. */
  formEvery?: number;
}): IntakeLoad {
  const acknowledged: AcknowledgedReport[] = [];
  const counts: IntakeLoadCounts = {
    sent: 0,
    acknowledged: 0,
    refused: 0,
    unanswered: 0,
    notConnected: 0,
  };
  const refusals = new Map<number, number>();
  let inFlight = 0;
  let running = true;

  /** Sends one report; false when the server answered with a refusal. */
  async function send(channel: 'api' | 'web', form: FormSession | null): Promise<boolean> {
    const serial = randomUUID();
    const answers = reportAnswers(serial);
    const refused = (status: number) => {
      counts.refused += 1;
      refusals.set(status, (refusals.get(status) ?? 0) + 1);
      return false;
    };
    inFlight += 1;
    counts.sent += 1;
    try {
      if (channel === 'api') {
        const response = await fetch(`${options.baseUrl}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answers }),
        });
        const body = await response.text();
        if (response.status !== 201) return refused(response.status);
        const { caseCode, followUpUrl } = JSON.parse(body) as {
          caseCode: string;
          followUpUrl: string;
        };
        acknowledged.push({
          channel,
          personName: answers['person-name'] ?? '',
          details: answers['detention-details'] ?? '',
          followUpToken: followUpPath.exec(followUpUrl)?.[1] ?? '',
          caseCode,
        });
      } else {
        if (form === null) throw new Error('the web channel needs a form session');
        const fields: Record<string, string> = { ...form.hidden, step: 'consent', website: '' };
        for (const [id, value] of Object.entries(answers)) fields[`a.${id}`] = value;
        fields.nav = 'next';
        const response = await fetch(`${options.baseUrl}/report`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: form.cookie,
          },
          body: new URLSearchParams(fields).toString(),
        });
        await response.arrayBuffer();
        const location = response.headers.get('location') ?? '';
        const token = followUpPath.exec(location)?.[1];
        if (response.status !== 303 || token === undefined) return refused(response.status);
        acknowledged.push({
          channel,
          personName: answers['person-name'] ?? '',
          details: answers['detention-details'] ?? '',
          followUpToken: token,
          caseCode: null,
        });
      }
      counts.acknowledged += 1;
      return true;
    } catch (error) {
      if (connectionRefused(error)) {
        counts.sent -= 1;
        counts.notConnected += 1;
      } else {
        counts.unanswered += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return true;
    } finally {
      inFlight -= 1;
    }
  }

  async function client(channel: 'api' | 'web'): Promise<void> {
    let form: FormSession | null = null;
    while (running) {
      if (channel === 'web' && form === null) {
        try {
          form = await openForm(options.baseUrl);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
      }
      // A refused form post starts a fresh form, as a person would.
      if (!(await send(channel, form))) form = null;
    }
  }

  const formEvery = options.formEvery ?? 4;
  const clients = Array.from({ length: options.clients }, (_, index) =>
    client((index + 1) % formEvery === 0 ? 'web' : 'api'),
  );

  return {
    acknowledged,
    counts: () => ({ ...counts }),
    inFlight: () => inFlight,
    refusals: () => new Map(refusals),
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}
