/**
 * Alert latency: from the moment a detention report is acknowledged (its POST answered 201) to
 * the moment the alert e-mail reaches the mail server, while the intake is under steady load.
 * The server runs as `npm start` would (SQLite, synchronous=FULL) with a real local SMTP server;
 * the demo coordinator is on duty, so every report pages him. Run with `npm run bench:alerts`.
 */
import autocannon from 'autocannon';
import { httpStaffClient } from '../test/support/http-staff-client.ts';
import { startServer } from '../test/support/running-server.ts';
import { startSmtpInbox } from '../test/support/smtp-inbox.ts';

const samples = 60;
const sampleEveryMs = 150;
const loadRate = 40;

function detention(detainedAt: string) {
  return {
    answers: {
      'reporter-role': 'witness',
      situation: 'detained',
      'person-name': 'Нагрузочный Тест Тестович',
      'person-birth-date': '2006-01-01',
      'contact-phone': '+7 900 000-00-00',
      'taken-from': 'metro',
      'detained-at': detainedAt,
      'taken-to': 'conscription-centre',
      'taken-from-station': 'metro-station:vykhino',
      'taken-to-centre': 'conscription-centre:ugreshskaya',
      'pending-appeal': 'no',
      'needs-lawyer': 'yes',
      consent: 'yes',
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

const inbox = await startSmtpInbox();
const server = await startServer({
  HABEAS_INTAKE_LIMITS: 'off',
  LOG_LEVEL: 'error',
  SMTP_URL: inbox.url,
});
const base = server.baseUrl.replace('localhost', '127.0.0.1');
try {
  const email = /E-mail: +(\S+)/.exec(server.output())?.[1] ?? '';
  const password = /Password: +(\S+)/.exec(server.output())?.[1] ?? '';
  const coordinator = httpStaffClient(base);
  await coordinator.enrolAtFirstLogin(email, password);
  const me = (await (await coordinator.call('GET', '/api/v1/me')).json()) as {
    user: { id: string };
  };
  await coordinator.call('POST', '/api/v1/roster/shifts', {
    userId: me.user.id,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
  });
  const detainedAt = new Date(Date.now() + 3 * 3_600_000 - 30 * 60_000).toISOString().slice(0, 16);
  const body = JSON.stringify(detention(detainedAt));

  // When each alert e-mail arrives, by the case code in its subject.
  const arrivals = new Map<string, number>();
  let seen = 0;
  const watcher = setInterval(() => {
    for (; seen < inbox.received.length; seen += 1) {
      const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(inbox.received[seen]?.raw ?? '')?.[1];
      if (code !== undefined && !arrivals.has(code)) arrivals.set(code, performance.now());
    }
  }, 2);

  const load = autocannon({
    url: `${base}/api/v1/reports`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 4,
    overallRate: loadRate,
    duration: Math.ceil((samples * sampleEveryMs) / 1000) + 2,
  });

  const acknowledged = new Map<string, number>();
  for (let index = 0; index < samples; index += 1) {
    const response = await fetch(`${base}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status === 201) {
      const { caseCode } = (await response.json()) as { caseCode: string };
      acknowledged.set(caseCode, performance.now());
    }
    await new Promise((resolve) => setTimeout(resolve, sampleEveryMs));
  }
  const loadResult = await load;
  for (let waited = 0; waited < 10_000; waited += 50) {
    if ([...acknowledged.keys()].every((code) => arrivals.has(code))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clearInterval(watcher);

  const latencies = [...acknowledged]
    .map(([code, at]) => (arrivals.get(code) ?? Number.NaN) - at)
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  const missing = acknowledged.size - latencies.length;
  process.stdout.write(
    [
      `alerts: p99 ${Math.round(percentile(latencies, 99))} ms from an acknowledged report to its e-mail at the mail server (goal ≤ 2000 ms)`,
      `  p50 ${Math.round(percentile(latencies, 50))} ms, max ${Math.round(latencies.at(-1) ?? Number.NaN)} ms over ${latencies.length} reports (${missing} never arrived)`,
      `  under intake load of ${loadRate} reports/s (${Math.round(loadResult.requests.average)} req/s served, ${loadResult.non2xx} non-2xx), each paging the lawyer on duty`,
      '  (SQLite WAL synchronous=FULL, one process, job runner polling every 500 ms and woken by each report)',
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
  server.remove();
  await inbox.stop();
}
