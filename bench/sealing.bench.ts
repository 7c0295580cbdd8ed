/**
 * What sealing costs on the write path of a case: the same use case, on the same durable SQLite
 * file, once with libsodium sealing and once with a pass-through that stores plaintext.
 * Prints the ratio measured in one run. Run with `npm run bench:sealing`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sodiumFileSealing } from '../src/adapters/crypto/sodium-file-sealing.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { openSqliteDatabase } from '../src/adapters/db/sqlite-database.ts';
import { kyselyUnitOfWork } from '../src/adapters/db/unit-of-work.ts';
import type { AuthenticatedSession } from '../src/app/accounts/authenticate-session.ts';
import { authenticateSession } from '../src/app/accounts/authenticate-session.ts';
import { createCaseFile } from '../src/app/cases/create-case-file.ts';
import { setEscrowKey } from '../src/app/organisations/init-escrow.ts';
import type { DataKey, RecordSealing } from '../src/app/ports/key-crypto.ts';
import type { Ports } from '../src/app/ports/ports.ts';
import { buildPorts } from '../src/server/container.ts';
import { buildEnrolledStaff } from '../test/support/staff-fixtures.ts';

const cases = 400;
const warmUp = 40;

/** Stores plaintext: the baseline only, never wired into the application. */
function passThroughSealing(): RecordSealing {
  const key: DataKey = { keyId: 'plain' };
  return {
    newDataKey: () => key,
    sealDataKey: () => 'plain',
    openDataKey: () => key,
    seal: (_key, _context, plaintext) => plaintext,
    open: (_key, _context, ciphertext) => ciphertext,
  };
}

async function prepare(sealing: RecordSealing | null) {
  const dir = mkdtempSync(path.join(tmpdir(), 'habeas-bench-'));
  const database = openSqliteDatabase(path.join(dir, 'habeas.sqlite'));
  await migrateToLatest(database.db);
  const base = buildPorts(database);
  const ports: Ports =
    sealing === null
      ? base
      : { ...base, unitOfWork: kyselyUnitOfWork(database, sealing, sodiumFileSealing()) };
  const staff = await buildEnrolledStaff(ports, { roles: ['operator'] });
  await setEscrowKey(ports, { orgId: staff.orgId });
  const session = await authenticateSession(ports, staff.sessionToken, 'full');
  return {
    ports,
    session,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function timeCreates(
  ports: Ports,
  session: AuthenticatedSession,
  count: number,
): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < count; index++) {
    await createCaseFile(ports, session, {
      person: {
        fullName: `Тестов Тест Тестович ${index}`,
        birthDate: '2006-01-01',
        phone: '+7 900 000-00-00',
        notes: 'Задержан у станции метро, доставлен на сборный пункт. '.repeat(4),
      },
    });
  }
  return (performance.now() - start) / count;
}

const sealed = await prepare(null);
const plain = await prepare(passThroughSealing());
await timeCreates(sealed.ports, sealed.session, warmUp);
await timeCreates(plain.ports, plain.session, warmUp);
// Interleaved halves, so that drift in the machine's load hits both sides alike.
const sealedMs =
  ((await timeCreates(sealed.ports, sealed.session, cases / 2)) +
    (await timeCreates(sealed.ports, sealed.session, cases / 2))) /
  2;
const plainMs =
  ((await timeCreates(plain.ports, plain.session, cases / 2)) +
    (await timeCreates(plain.ports, plain.session, cases / 2))) /
  2;
await sealed.close();
await plain.close();

process.stdout.write(
  [
    `sealing: ${(sealedMs / plainMs).toFixed(2)}× the time of the same write path without sealing`,
    `  sealed ${sealedMs.toFixed(2)} ms/case, unsealed ${plainMs.toFixed(2)} ms/case`,
    `  (${cases} cases each; 1 person with 4 personal fields, key wrapped to creator and escrow; SQLite WAL, synchronous=FULL)`,
    '',
  ].join('\n'),
);
