/**
 * Durable intake throughput against a bare route of the same server, in one run: the server is
 * started as `npm start` would (SQLite, synchronous=FULL), with the intake's anti-abuse limits
 * off, and loaded over loopback. Then the latency of intake at half its measured throughput.
 * Run with `npm run bench:intake`.
 */
import autocannon from 'autocannon';
import { type RunningServer, startServer } from '../test/support/running-server.ts';

const seconds = 10;
const connections = 8;

const report = JSON.stringify({
  answers: {
    'reporter-role': 'witness',
    situation: 'detained',
    'person-name': 'Нагрузочный Тест Тестович',
    'person-birth-date': '2006-01-01',
    'contact-phone': '+7 900 000-00-00',
    'taken-from': 'metro',
    'detained-at': '2025-10-18T09:40',
    'taken-to': 'conscription-centre',
    'taken-from-station': 'Выхино',
    'pending-appeal': 'no',
    'needs-lawyer': 'yes',
    consent: 'yes',
  },
});

function load(
  server: RunningServer,
  options: Partial<autocannon.Options>,
): Promise<autocannon.Result> {
  return autocannon({
    url: server.baseUrl.replace('localhost', '127.0.0.1'),
    connections,
    duration: seconds,
    ...options,
  });
}

const server = await startServer({ HABEAS_INTAKE_LIMITS: 'off', LOG_LEVEL: 'error' });
try {
  const bare = await load(server, {
    url: `${server.baseUrl.replace('localhost', '127.0.0.1')}/healthz`,
  });
  const intakeOptions = {
    url: `${server.baseUrl.replace('localhost', '127.0.0.1')}/api/v1/reports`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: report,
  };
  const intake = await load(server, intakeOptions);
  const refused = intake.non2xx;
  const halfRate = Math.max(1, Math.floor(intake.requests.average / 2));
  const paced = await load(server, { ...intakeOptions, connections: 4, overallRate: halfRate });
  process.stdout.write(
    [
      `intake: ${(intake.requests.average / bare.requests.average).toFixed(2)}× the throughput of a bare route (goal ≥ 0.30)`,
      `  bare GET /healthz ${Math.round(bare.requests.average)} req/s; POST /api/v1/reports ${Math.round(intake.requests.average)} req/s durable (${refused} non-2xx)`,
      `  at half that load (${halfRate} req/s): p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms (goal ≤ 25 ms)`,
      `  (${connections} connections, ${seconds} s each, SQLite WAL synchronous=FULL, one process)`,
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
  server.remove();
}
