/**
 * Seeds an organisation's case history straight in SQL, fast enough for a million cases: staff,
 * case files (old ones mostly closed), one person and one hotline report per case, assignments,
 * and timelines (about a third detained at a metro station, most taken on to a conscription
 * centre or a police station, some with a lawyer turned away or let in). Sealed columns hold
 * random stand-ins of the real sealed size: nothing reads them here. Every value derives from
 * the case's number, so both dialects get the same cases.
 */
import { sql } from 'kysely';
import type { HabeasDatabase } from '../src/adapters/db/database.ts';

export type CaseSeed = {
  orgId: string;
  /** A lawyer of the organisation who gets about `lawyerCases` of the cases. */
  lawyerId: string;
  caseCount: number;
  lawyerCases: number;
};

/** Cases seeded per transaction: keeps the SQLite write-ahead log and memory small. */
const chunkSize = 50_000;
const staffCount = 300;
const places = { metro: 238, centres: 60, police: 100 };
const seededFrom = Date.parse('2025-01-01T00:00:00Z') / 1000;

type SeedSql = {
  /** A FROM item yielding the integers `from`..`to` as column i. */
  numbers(from: number, to: number): string;
  hex(expression: string, width: number): string;
  /** The text `toIso` writes, from whole seconds and milliseconds since the epoch. */
  isoTime(seconds: string, millis: string): string;
  /** Stand-in for a sealed value: random text of the given length. */
  filler(length: number): string;
};

const sqliteSeedSql: SeedSql = {
  numbers: (from, to) =>
    `(with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to}) select i from n) as n`,
  hex: (expression, width) => `printf('%0${width}x', ${expression})`,
  isoTime: (seconds, millis) =>
    `(strftime('%Y-%m-%dT%H:%M:%S', ${seconds}, 'unixepoch') || '.' || printf('%03d', ${millis}) || 'Z')`,
  filler: (length) => `substr(hex(randomblob(${Math.ceil(length / 2)})), 1, ${length})`,
};

const postgresSeedSql: SeedSql = {
  numbers: (from, to) => `generate_series(${from}::bigint, ${to}::bigint) as n(i)`,
  hex: (expression, width) => `lpad(to_hex(${expression}), ${width}, '0')`,
  isoTime: (seconds, millis) =>
    `(to_char(to_timestamp(${seconds}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '.' || lpad(cast(${millis} as text), 3, '0') || 'Z')`,
  filler: (length) =>
    `substr(repeat(md5(cast(i as text) || cast(random() as text)), ${Math.ceil(length / 32)}), 1, ${length})`,
};

const prime = 2_147_483_647;

/** A pseudo-random integer in [0, below) fixed by i and the salt: x² mod p of an affine map. */
function pick(salt: number, below: number): string {
  const x = `((i * ${48_271 + salt * 7919} + ${salt * 104_729}) % ${prime})`;
  return `(((${x} * ${x}) % ${prime}) * ${below} / ${prime})`;
}

/** A uuidv7-shaped id: the millisecond timestamp first, as the application's ids have it. */
function uuidv7Like(s: SeedSql, millis: string, unique: string): string {
  return `(${s.hex(`${millis} / 65536`, 8)} || '-' || ${s.hex(`${millis} % 65536`, 4)} || '-7' || ${s.hex(pick(20, 4096), 3)} || '-' || ${s.hex(`32768 + ${pick(21, 16384)}`, 4)} || '-' || ${s.hex(unique, 12)})`;
}

function staffId(s: SeedSql, n: string): string {
  return `('019b0000-0000-7000-8000-' || ${s.hex(n, 12)})`;
}

/** Each case's facts, as SQL expressions over i. */
function caseFacts(s: SeedSql, caseCount: number, seededTo: number) {
  const step = Math.max(1, Math.floor((seededTo - seededFrom) / caseCount));
  const createdSeconds = `(${seededFrom} + (i - 1) * ${seededTo - seededFrom} / ${caseCount} + ${pick(3, step)})`;
  const createdMillis = pick(4, 1000);
  const createdAtMs = `(${createdSeconds} * 1000 + ${createdMillis})`;
  const live = `${pick(1, 1000)} >= 5`;
  // Old cases are mostly closed, recent ones mostly open.
  const closed = `${pick(2, 1000)} < (980 - 950 * (i - 1) / ${caseCount})`;
  const closedSeconds = `(${createdSeconds} + (${seededTo} - ${createdSeconds}) * ${pick(5, 1000)} / 1000)`;
  const detainedSeconds = `(${createdSeconds} - 600 - ${pick(8, 7200)})`;
  const transferredSeconds = `(${detainedSeconds} + 1800 + ${pick(11, 7200)})`;
  const lawyerSeconds = `(${transferredSeconds} + 3600 + ${pick(12, 7200)})`;
  // Busier stations first: the square skews the pick towards low numbers.
  const metroIndex = `(${pick(7, 1000)} * ${pick(7, 1000)} * ${places.metro} / 1000000)`;
  const time = (seconds: string) => s.isoTime(seconds, '0');
  return {
    id: uuidv7Like(s, createdAtMs, 'i * 16'),
    createdAt: s.isoTime(createdSeconds, createdMillis),
    createdMinute: `(substr(${time(createdSeconds)}, 1, 17) || '00.000Z')`,
    createdAtMs,
    live,
    status: `(case when not (${live}) then 'deleted' when ${closed} then 'closed' else 'open' end)`,
    closedAt: `(case when ${live} and ${closed} then ${time(closedSeconds)} end)`,
    updatedAt: `(case when ${live} and ${closed} then ${time(closedSeconds)} else ${s.isoTime(createdSeconds, createdMillis)} end)`,
    closed,
    dataKeyId: `('K' || ${s.hex('i', 15)})`,
    detained: `${pick(6, 3)} = 0`,
    transferred: `${pick(9, 10)} < 6`,
    toPolice: `${pick(10, 10)} < 3`,
    lawyerCame: `${pick(14, 10)} < 4`,
    metroPlace: `('metro-station-' || cast(${metroIndex} as text))`,
    centrePlace: `('conscription-centre-' || cast(${pick(15, places.centres)} as text))`,
    policePlace: `('police-station-' || cast(${pick(15, places.police)} as text))`,
    time,
    detainedSeconds,
    transferredSeconds,
    lawyerSeconds,
    releasedSeconds: `(${lawyerSeconds} + 3600 + ${pick(13, 36_000)})`,
    noticeSeconds: `(${createdSeconds} - 86400 * (1 + ${pick(16, 30)}))`,
    sealed: (length: number) => `('s1.K' || ${s.hex('i', 15)} || '.' || ${s.filler(length)})`,
  };
}

function staffStatements(s: SeedSql, orgId: string): string[] {
  const now = new Date().toISOString();
  const roles = ['lawyer', 'lawyer', 'operator', 'volunteer', 'coordinator'];
  const numbers = s.numbers(0, staffCount - 1);
  return [
    `insert into staff_users (id, org_id, email, display_name, status, failed_login_count, created_at, updated_at)
     select ${staffId(s, 'i')}, '${orgId}', 'staff-' || cast(i as text) || '@example.org', 'Сотрудник ' || cast(i as text), 'active', 0, '${now}', '${now}'
     from ${numbers}`,
    `insert into staff_roles (org_id, user_id, role)
     select '${orgId}', ${staffId(s, 'i')}, case i % 5 ${roles.map((role, index) => `when ${index} then '${role}'`).join(' ')} end
     from ${numbers}`,
  ];
}

function caseStatements(
  s: SeedSql,
  seed: CaseSeed,
  seededTo: number,
  from: number,
  to: number,
): string[] {
  const c = caseFacts(s, seed.caseCount, seededTo);
  const org = `'${seed.orgId}'`;
  const numbers = s.numbers(from, to);
  const live = `where ${c.live}`;
  const powerOfAttorney = `case when ${pick(17, 2)} = 0 then 'notarised' else 'simple' end`;
  const operationalDetained = `'{"reporter-role":"' || (case ${pick(30, 3)} when 0 then 'self' when 1 then 'relative' else 'witness' end) || '","situation":"detained","taken-from":"metro","detained-at":"' || substr(${c.time(c.detainedSeconds)}, 1, 16) || ':00+03:00","taken-to":"conscription-centre","taken-from-station":{"placeKind":"metro-station","placeId":"' || ${c.metroPlace} || '"},"pending-appeal":"no","needs-lawyer":"yes","consent":"yes"}'`;
  const operationalOther = `'{"reporter-role":"self","situation":"' || (case ${pick(31, 3)} when 0 then 'notice' when 1 then 'appeal' else 'other' end) || '","notice-kind":"' || (case ${pick(32, 2)} when 0 then 'paper' else 'electronic' end) || '","notice-region":"moscow","notice-appearance-date":"' || substr(${c.createdAt}, 1, 10) || '","pending-appeal":"unknown","needs-lawyer":"yes","consent":"yes"}'`;
  const event = (
    tag: number,
    kind: string,
    seconds: string,
    placeId: string,
    attorney: string,
    where: string,
  ) =>
    `insert into timeline_events (id, org_id, case_id, kind, occurred_at, place_id, power_of_attorney, note, recorded_by, recorded_at)
     select ${uuidv7Like(s, `(${seconds}) * 1000`, `i * 16 + ${tag}`)}, ${org}, ${c.id}, '${kind}', ${c.time(seconds)}, ${placeId}, ${attorney},
       case when ${pick(40 + tag, 10)} < 3 then ${c.sealed(160)} end, ${staffId(s, pick(41 + tag, staffCount))}, ${c.time(`${seconds} + 300`)}
     from ${numbers} ${live} and ${where}`;
  const caseCode = s.hex(`(i * 48271) % ${prime}`, 8);
  return [
    `insert into case_files (id, org_id, status, data_key_id, created_by, created_at, updated_at, closed_at)
     select ${c.id}, ${org}, ${c.status}, case when ${c.live} then ${c.dataKeyId} end, null, ${c.createdAt}, ${c.updatedAt}, ${c.closedAt}
     from ${numbers}`,
    `insert into persons (id, org_id, case_id, full_name, birth_date, phone, notes, match_index, created_at)
     select ${uuidv7Like(s, c.createdAtMs, 'i * 16 + 1')}, ${org}, ${c.id}, ${c.sealed(106)}, ${c.sealed(64)}, ${c.sealed(68)},
       case when ${pick(33, 10)} = 0 then ${c.sealed(240)} end, ${s.hex(pick(34, 65_536), 4)}, ${c.createdAt}
     from ${numbers} ${live}`,
    `insert into reports (id, org_id, case_id, channel, case_code, follow_up_hash, questionnaire_id, questionnaire_version, operational_answers, personal_answers, received_at)
     select ${uuidv7Like(s, c.createdAtMs, 'i * 16 + 2')}, ${org}, ${c.id},
       case when ${pick(35, 20)} < 16 then 'web' when ${pick(35, 20)} < 19 then 'telegram' else 'api' end,
       'C' || substr(${caseCode}, 1, 3) || '-' || substr(${caseCode}, 4, 5),
       ${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => s.hex(`(i * ${16_807 + k * 7919}) % ${prime}`, 8)).join(' || ')},
       'hotline', 1, case when ${c.detained} then ${operationalDetained} else ${operationalOther} end, ${c.sealed(360)}, ${c.createdMinute}
     from ${numbers} ${live}`,
    `insert into case_assignments (org_id, case_id, user_id, assigned_at)
     select ${org}, ${c.id}, ${staffId(s, pick(36, staffCount))}, ${c.createdAt}
     from ${numbers} ${live} and ${pick(37, 100)} < 95`,
    `insert into case_assignments (org_id, case_id, user_id, assigned_at)
     select ${org}, ${c.id}, ${staffId(s, `(${pick(36, staffCount)} + 1 + ${pick(38, staffCount - 1)}) % ${staffCount}`)}, ${c.createdAt}
     from ${numbers} ${live} and ${pick(37, 100)} < 95 and ${pick(39, 100)} < 12`,
    `insert into case_assignments (org_id, case_id, user_id, assigned_at)
     select ${org}, ${c.id}, '${seed.lawyerId}', ${c.createdAt}
     from ${numbers} ${live} and ${pick(29, Math.max(1, Math.round(seed.caseCount / seed.lawyerCases)))} = 0`,
    event(3, 'detained', c.detainedSeconds, c.metroPlace, 'null', c.detained),
    event(
      4,
      'transferred',
      c.transferredSeconds,
      `case when ${c.toPolice} then ${c.policePlace} else ${c.centrePlace} end`,
      'null',
      `${c.detained} and ${c.transferred}`,
    ),
    event(
      5,
      'lawyer-refused-entry',
      c.lawyerSeconds,
      c.centrePlace,
      powerOfAttorney,
      `${c.detained} and ${c.transferred} and ${c.lawyerCame} and ${pick(18, 3)} = 0`,
    ),
    event(
      6,
      'lawyer-admitted',
      c.lawyerSeconds,
      c.centrePlace,
      powerOfAttorney,
      `${c.detained} and ${c.transferred} and ${c.lawyerCame} and ${pick(18, 3)} <> 0`,
    ),
    event(
      7,
      'released',
      c.releasedSeconds,
      'null',
      'null',
      `${c.detained} and ${c.closed} and ${pick(19, 10)} < 8`,
    ),
    event(
      8,
      'sent-to-unit',
      c.releasedSeconds,
      'null',
      'null',
      `${c.detained} and ${c.closed} and ${pick(19, 10)} >= 8`,
    ),
    event(
      9,
      'notice-received',
      c.noticeSeconds,
      'null',
      'null',
      `not (${c.detained}) and ${pick(22, 5)} = 0`,
    ),
  ];
}

/**
 * Seeds staff and `caseCount` cases, created from the start of 2025 until an hour ago, into a
 * migrated database whose organisation and lawyer already exist. Reports progress on stderr.
 */
export async function seedCases(database: HabeasDatabase, seed: CaseSeed): Promise<void> {
  const s = database.dialect === 'sqlite' ? sqliteSeedSql : postgresSeedSql;
  const seededTo = Math.floor(Date.now() / 1000) - 3600;
  const execute = (statements: string[]) =>
    database.db.transaction().execute(async (trx) => {
      // Seeding speed only: the measured reads do not depend on it.
      if (database.dialect === 'postgres')
        await sql`set local synchronous_commit = off`.execute(trx);
      for (const statement of statements) await sql.raw(statement).execute(trx);
    });
  await execute(staffStatements(s, seed.orgId));
  for (let from = 1; from <= seed.caseCount; from += chunkSize) {
    const to = Math.min(seed.caseCount, from + chunkSize - 1);
    await execute(caseStatements(s, seed, seededTo, from, to));
    process.stderr.write(`\r  ${database.dialect}: ${to.toLocaleString('en')} cases seeded`);
  }
  process.stderr.write('\n');
}

/** Rows per seeded table, for the report. */
export async function rowCounts(database: HabeasDatabase): Promise<string> {
  const tables = [
    'case_files',
    'persons',
    'reports',
    'case_assignments',
    'timeline_events',
  ] as const;
  const counts: string[] = [];
  for (const table of tables) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .executeTakeFirstOrThrow();
    counts.push(`${Number(row.count).toLocaleString('en')} ${table}`);
  }
  return counts.join(', ');
}

export async function databaseSize(database: HabeasDatabase): Promise<string> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`
      select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(
      database.db,
    );
    return `${((rows[0]?.bytes ?? 0) / 2 ** 30).toFixed(2)} GiB file`;
  }
  const { rows } = await sql<{ bytes: string }>`
    select sum(pg_total_relation_size(c.oid)) as bytes from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'`.execute(database.db);
  return `${(Number(rows[0]?.bytes ?? 0) / 2 ** 30).toFixed(2)} GiB with indexes`;
}
