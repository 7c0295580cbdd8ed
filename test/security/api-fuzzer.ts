import fc from 'fast-check';
import { raiseAlert } from '../../src/app/alerts/raise-alert.ts';
import { createOrganisation } from '../../src/app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../src/app/organisations/init-escrow.ts';
import type { Ports } from '../../src/app/ports/ports.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { buildPorts } from '../../src/server/container.ts';
import type { HabeasServer } from '../../src/server/http/build-server.ts';
import { caseListHeaders, caseListRow } from '../support/case-lists.ts';
import { reportAnswers } from '../support/intake-load.ts';
import { buildEnrolledStaff } from '../support/staff-fixtures.ts';
import { testClock } from '../support/test-clock.ts';
import { sqliteTestDialect, type TestDatabase } from '../support/test-databases.ts';
import { buildTestServer, signInOverHttp } from '../support/test-server.ts';

/**
 * Generates requests from the OpenAPI document (every operation: valid-shaped and malformed
 * bodies, parameters, query strings, headers and content types, oversized and odd Unicode) and
 * from every other registered route, sends them to a real server on a real SQLite database, and
 * counts every answer of 500 or more, or one that shows a stack trace.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema: JsonSchema };

type Operation = {
  method: string;
  /** The OpenAPI path, with `{params}`. */
  path: string;
  parameters: Parameter[];
  /** Content types the operation reads, each with its schema when it has one. */
  bodies: Record<string, JsonSchema>;
};

export type FuzzRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Who sends it: nobody, or a signed-in staff member of a role. */
  as: 'visitor' | Role;
};

/**
 * Valid bodies to start from and mutate, by operation: a route that only a precise body reaches
 * past validation (a questionnaire's answers) gets its examples here.
 */
export const fuzzExamples: Record<string, () => unknown[]> = {
  'POST /api/v1/reports': () => [{ answers: reportAnswers(String(Date.now())) }],
  'POST /api/v1/cases': () => [{ person: { fullName: 'Проверкин Фазз', birthDate: '2006-02-03' } }],
  'POST /api/v1/cases/{caseId}/timeline': () => [
    { kind: 'detained', occurredAt: '2026-11-20T11:00:00+03:00' },
  ],
};

/** Bodies of the content types that are not JSON; a new upload type joins with a line here. */
export const fuzzBodies: Record<string, fc.Arbitrary<string | Buffer>> = {
  'text/csv': fc.oneof(
    fc.constant([caseListHeaders.join(';'), caseListRow(1).join(';')].join('\r\n')),
    fc.string({ unit: 'binary', maxLength: 400 }),
  ),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
    // A zip's signature, then nonsense.
    fc
      .uint8Array({ maxLength: 400 })
      .map((bytes) => Buffer.concat([Buffer.from('PK\x03\x04'), bytes])),
  ),
  'multipart/form-data': fc
    .tuple(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 400 }))
    .map(([name, bytes]) =>
      Buffer.concat([
        Buffer.from(
          `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        Buffer.from(bytes),
        Buffer.from('\r\n--fuzz--\r\n'),
      ]),
    ),
};

/** Strings that have broken parsers, encoders and databases before. */
const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eтекст',
  '\u200B\u200C\u200D\uFEFF',
  'е\u0308',
  'ё',
  'Ё'.repeat(3000),
  '🙂'.repeat(100),
  'Z̷̢͈a̸̛l̵g̶o̷',
  "' OR '1'='1' --",
  '"; DROP TABLE cases; --',
  '1 UNION SELECT NULL--',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%zz',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '$' + '{7*7}',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
  'true',
  'null',
  '[]',
  '{}',
];

/** Short runs of the characters that quote, comment, escape and match in SQL and shells. */
const metaCharacter = fc.constantFrom(
  "'",
  '"',
  ';',
  '-',
  '\\',
  '%',
  '_',
  '*',
  '(',
  ')',
  '`',
  'a',
  'я',
  ' ',
  '\u0000',
);
const metaString = fc.string({ unit: metaCharacter, minLength: 1, maxLength: 12 });

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 3, arbitrary: metaString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3000, minLength: 2000 }) },
);

const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddString,
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1.5, -1e308, []),
);

/** Bodies no JSON parser enjoys. */
const brokenJson = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '[1,',
    '{"a":}',
    'null',
    '"text"',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '\uFEFF{}',
    '{"a":1,"a":2}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
    `{"x":"${'x'.repeat(70 * 1024)}"}`,
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=koi8-r',
  'application/JSON',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/octet-stream',
  'garbage',
  ';;;',
];

function resolve(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components.schemas[name] ?? {};
}

/** Ids the fuzzer may hit, so that valid-shaped requests reach past "not found". */
export type IdPool = Record<'case' | 'task' | 'place' | 'shift' | 'alert' | 'user', string[]>;

function uuidFor(name: string, pool: IdPool): fc.Arbitrary<string> {
  const kind = (['case', 'task', 'place', 'shift', 'alert', 'user'] as const).find((candidate) =>
    name.toLowerCase().startsWith(candidate),
  );
  const known = kind === undefined ? [] : pool[kind];
  return known.length === 0
    ? fc.uuid()
    : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, fc.uuid());
}

/** Values shaped as the schema says. */
export function shapedBy(
  schema: JsonSchema,
  document: OpenApiDocument,
  pool: IdPool,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (depth > 6) return fc.constant(null);
  const next = (child: JsonSchema, childName = name) =>
    shapedBy(child, document, pool, childName, depth + 1);
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum !== undefined) return fc.constantFrom(...resolved.enum);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives !== undefined) return fc.oneof(...alternatives.map((child) => next(child)));
  if (resolved.allOf?.[0] !== undefined) return next(resolved.allOf[0]);
  if (Array.isArray(resolved.type))
    return fc.oneof(...resolved.type.map((type) => next({ ...resolved, type })));
  switch (resolved.type) {
    case 'string':
      return stringOf(resolved, pool, name);
    case 'integer':
      return fc.integer({
        min: resolved.minimum ?? -1_000_000,
        max: resolved.maximum ?? 1_000_000,
      });
    case 'number':
      return fc.double({
        min: resolved.minimum ?? -1e9,
        max: resolved.maximum ?? 1e9,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(next(resolved.items ?? {}), {
        maxLength: Math.min(resolved.maxItems ?? 4, 4),
      });
    case 'object': {
      if (resolved.properties !== undefined) {
        const required = resolved.required ?? [];
        return fc.record(
          Object.fromEntries(
            Object.entries(resolved.properties).map(([key, child]) => [key, next(child, key)]),
          ),
          { requiredKeys: required.filter((key) => key in (resolved.properties ?? {})) },
        );
      }
      const values =
        typeof resolved.additionalProperties === 'object'
          ? next(resolved.additionalProperties)
          : oddJson;
      const keys = resolved.propertyNames ? next(resolved.propertyNames) : fc.string();
      return fc.dictionary(keys.map(String), values, { maxKeys: 6 });
    }
    default:
      return oddJson;
  }
}

function stringOf(schema: JsonSchema, pool: IdPool, name: string): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 80, 200);
  switch (schema.format) {
    case 'uuid':
      return uuidFor(name, pool);
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .tuple(
          fc.date({
            min: new Date('2000-01-01'),
            max: new Date('2030-12-31'),
            noInvalidDate: true,
          }),
          fc.constantFrom('Z', '+03:00', '-05:30', '+14:00'),
        )
        .map(([date, offset]) => date.toISOString().replace('Z', offset));
  }
  if (schema.pattern !== undefined)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= max);
  const min = schema.minLength ?? 0;
  const free = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  // Free text that fits the schema may still carry quotes, comment markers and escapes.
  const fitting = oddStrings.filter((text) => text.length >= min && text.length <= max);
  return fc.oneof(
    { weight: 2, arbitrary: free },
    { weight: 1, arbitrary: fc.string({ unit: metaCharacter, minLength: min, maxLength: max }) },
    ...(fitting.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...fitting) }] : []),
  );
}

/** A valid-shaped value with one part of it replaced by something odd. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return oddJson;
  const keys = Object.keys(value);
  return fc
    .tuple(
      fc.constantFrom(...(keys.length > 0 ? keys : ['extra'])),
      oddJson,
      fc.constantFrom('replace', 'drop', 'add'),
    )
    .map(([key, odd, how]) => {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (how === 'drop') delete copy[key];
      else if (how === 'add') copy[`${key}Extra`] = odd;
      else copy[key] = odd;
      return copy;
    });
}

function jsonBodyOf(
  operation: Operation,
  schema: JsonSchema,
  document: OpenApiDocument,
  pool: IdPool,
): fc.Arbitrary<string> {
  const examples = fuzzExamples[`${operation.method} ${operation.path}`]?.() ?? [];
  const shaped =
    examples.length > 0
      ? fc.oneof(fc.constantFrom(...examples), shapedBy(schema, document, pool))
      : shapedBy(schema, document, pool);
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 3, arbitrary: shaped.chain(mutated).map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: oddJson.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: brokenJson },
  );
}

function encodeSegment(value: unknown, raw: boolean): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Raw: as a careless client would send it (light-my-request sends it through as given).
  return raw ? text.replace(/[/?#\s]/g, '') || 'x' : percentEncoded(text);
}

/** Every byte of the UTF-8 text but the unreserved ones as %XX; a lone surrogate becomes U+FFFD. */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** How a valid-shaped URL is spoiled, if at all: one change at a time reaches deepest. */
type UrlMutation =
  | { kind: 'none' }
  | { kind: 'odd-path'; index: number; value: string; raw: boolean }
  | { kind: 'odd-query'; index: number; value: string }
  | { kind: 'repeat-query'; index: number }
  | { kind: 'junk-query'; pairs: [string, string][] };

function urlOf(
  operation: Operation,
  document: OpenApiDocument,
  pool: IdPool,
): fc.Arbitrary<string> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pathValues = fc.tuple(
    ...pathParameters.map((parameter) =>
      shapedBy(parameter.schema, document, pool, parameter.name),
    ),
  );
  const queryValues = fc.tuple(
    ...queryParameters.map((parameter) =>
      fc.option(shapedBy(parameter.schema, document, pool, parameter.name), { nil: undefined }),
    ),
  );
  const index = fc.nat({ max: 20 });
  const mutation: fc.Arbitrary<UrlMutation> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: pathParameters.length > 0 ? 2 : 0,
      arbitrary: fc.record({
        kind: fc.constant('odd-path' as const),
        index,
        value: oddString,
        raw: fc.boolean(),
      }),
    },
    {
      weight: queryParameters.length > 0 ? 2 : 0,
      arbitrary: fc.record({ kind: fc.constant('odd-query' as const), index, value: oddString }),
    },
    {
      weight: queryParameters.length > 0 ? 1 : 0,
      arbitrary: fc.record({ kind: fc.constant('repeat-query' as const), index }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('junk-query' as const),
        pairs: fc.array(fc.tuple(oddString, oddString), { minLength: 1, maxLength: 3 }),
      }),
    },
  );
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return fc.tuple(pathValues, queryValues, mutation).map(([paths, queries, change]) => {
    let path = operation.path;
    pathParameters.forEach((parameter, at) => {
      const spoiled = change.kind === 'odd-path' && change.index % pathParameters.length === at;
      const segment = spoiled
        ? encodeSegment(change.value, change.raw)
        : encodeSegment(text(paths[at]), false);
      path = path.replace(`{${parameter.name}}`, segment);
    });
    const search = new URLSearchParams();
    queryParameters.forEach((parameter, at) => {
      const chosen = at === ('index' in change ? change.index : 0) % queryParameters.length;
      const value =
        change.kind === 'odd-query' && chosen ? change.value : (queries[at] ?? undefined);
      if (value === undefined) return;
      for (const item of Array.isArray(value) ? value : [value])
        search.append(parameter.name, text(item));
      if (change.kind === 'repeat-query' && chosen) search.append(parameter.name, text(value));
    });
    if (change.kind === 'junk-query')
      for (const [key, value] of change.pairs) search.append(key, value);
    const query = search.toString();
    return query === '' ? path : `${path}?${query}`;
  });
}

function payloadOf(
  operation: Operation,
  document: OpenApiDocument,
  pool: IdPool,
): fc.Arbitrary<{ type: string | null; payload?: string | Buffer }> {
  const declared = Object.entries(operation.bodies).map(([type, schema]) => {
    const custom = fuzzBodies[type.split(';')[0] ?? type];
    const payload = custom ?? jsonBodyOf(operation, schema, document, pool);
    const sent = type.startsWith('multipart/') ? `${type}; boundary=fuzz` : type;
    return payload.map((body) => ({ type: sent, payload: body }));
  });
  const anything = fc.record({
    type: fc.option(fc.constantFrom(...contentTypes), { nil: null }),
    payload: fc.oneof(
      brokenJson,
      oddJson.map((value) => JSON.stringify(value) ?? ''),
    ),
  });
  const none = fc.constant({ type: null });
  return declared.length === 0
    ? fc.oneof({ weight: 3, arbitrary: none }, { weight: 1, arbitrary: anything })
    : fc.oneof({ weight: 6, arbitrary: fc.oneof(...declared) }, { weight: 2, arbitrary: anything });
}

const roleOrVisitor = fc.constantFrom<FuzzRequest['as']>(
  'visitor',
  'coordinator',
  'lawyer',
  'volunteer',
  'admin',
);

function headersOf(
  type: string | null,
): fc.Arbitrary<{ headers: Record<string, string>; csrf: boolean }> {
  return fc
    .record({
      language: fc.option(
        fc.oneof(fc.constantFrom('ru', 'en', 'en-GB,en;q=0.9', '*', 'zz', ';q=x'), oddString),
        { nil: undefined },
      ),
      csrf: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
      extra: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        {
          weight: 2,
          arbitrary: fc.constantFrom('x-forwarded-for', 'x-csrf-token', 'cookie', 'origin'),
        },
      ),
      junk: oddString,
    })
    .map(({ language, csrf, extra, junk }) => {
      const headers: Record<string, string> = {};
      if (type !== null) headers['content-type'] = type;
      // Header values cannot carry control characters or non-Latin-1 text on the wire.
      const safe = (text: string) => text.replace(/[^\x20-\x7e]/g, '');
      if (language !== undefined) headers['accept-language'] = safe(language);
      if (extra !== undefined) headers[extra] = safe(junk);
      return { headers, csrf };
    });
}

export type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
};

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      bodies: Object.fromEntries(
        Object.entries(operation.requestBody?.content ?? {}).map(([type, content]) => [
          type,
          content.schema ?? {},
        ]),
      ),
    })),
  );
}

/** Registered routes the OpenAPI document leaves out (pages, forms), as bare operations. */
export function undocumentedRoutes(server: HabeasServer, document: OpenApiDocument): Operation[] {
  const documented = new Set(
    operationsOf(document).map((operation) => `${operation.method} ${operation.path}`),
  );
  return server.routes
    .map((route) => ({
      method: route.method,
      path: route.url.replace(/:(\w+)/g, '{$1}').replace('*', '{wildcard}'),
    }))
    .filter((route) => !documented.has(`${route.method} ${route.path}`))
    .map(
      ({ method, path }): Operation => ({
        method,
        path,
        parameters: [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
          in: 'path' as const,
          name: match[1] ?? 'id',
          schema: { type: 'string' },
        })),
        bodies:
          method === 'POST'
            ? {
                'application/x-www-form-urlencoded': {
                  type: 'object',
                  additionalProperties: { type: 'string' },
                },
              }
            : {},
      }),
    );
}

/** A form body, for the pages' forms. */
fuzzBodies['application/x-www-form-urlencoded'] = fc
  .dictionary(
    fc.oneof(fc.constantFrom('_csrf', 'answer', 'step', 'language', 'consent'), fc.string()),
    oddString,
    { maxKeys: 6 },
  )
  .map((fields) => new URLSearchParams(fields).toString());

export function requestOf(
  operation: Operation,
  document: OpenApiDocument,
  pool: IdPool,
): fc.Arbitrary<FuzzRequest & { operation: string; csrf: boolean }> {
  return fc
    .tuple(urlOf(operation, document, pool), payloadOf(operation, document, pool), roleOrVisitor)
    .chain(([url, body, as]) =>
      headersOf(body.type).map(({ headers, csrf }) => ({
        operation: `${operation.method} ${operation.path}`,
        method: operation.method,
        url,
        headers,
        csrf,
        as,
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      })),
    );
}

/** Operations that would end the fuzzer's own sessions are sent by visitors only. */
const endsSessions = /\/auth\/logout|\/sessions\/revoke/;

type Identity = { cookie: string; csrfToken: string };

export type FuzzTarget = {
  server: HabeasServer;
  document: OpenApiDocument;
  operations: Operation[];
  pool: IdPool;
  send(request: FuzzRequest & { csrf: boolean }): Promise<FuzzResponse>;
  close(): Promise<void>;
};

/** A server on SQLite with an organisation, its staff signed in, and a few of everything. */
export async function startFuzzTarget(): Promise<FuzzTarget> {
  const database: TestDatabase = await sqliteTestDialect.open();
  const clock = testClock(new Date('2026-11-29T10:00:00Z'));
  const ports: Ports = buildPorts(database, { clock });
  const server = await buildTestServer(ports, {
    rateLimitPerMinute: 100_000_000,
    intakeLimits: false,
    // The built staff app (`npm test` builds it first), so that its files are fuzzed too.
    staffAppDir: 'dist/web',
  });
  const orgId = (await createOrganisation(ports, { name: 'Группа для проверки' })).id;
  await setEscrowKey(ports, { orgId });
  let addresses = 0;
  const identities = new Map<Role, Identity>();
  const pool: IdPool = { case: [], task: [], place: [], shift: [], alert: [], user: [] };

  async function signIn(role: Role): Promise<Identity> {
    addresses += 1;
    const staff = await signInOverHttp(
      { server, ports, clock },
      { orgId, roles: [role], remoteAddress: `10.2.${addresses}.1` },
    );
    const csrf = await staff.browser.get('/api/v1/auth/csrf');
    const identity = {
      cookie: `habeas_session=${staff.browser.cookie('habeas_session')}; habeas_csrf=${staff.browser.cookie('habeas_csrf')}`,
      csrfToken: (csrf.json() as { csrfToken: string }).csrfToken,
    };
    identities.set(role, identity);
    if (role === 'coordinator' && pool.case.length === 0) {
      for (let n = 0; n < 3; n += 1) {
        const created = await staff.browser.post('/api/v1/cases', {
          person: { fullName: `Проверкин Фазз ${n}`, birthDate: '2006-02-03' },
        });
        const caseId = (created.json() as { caseId: string }).caseId;
        pool.case.push(caseId);
        const task = await staff.browser.post(`/api/v1/cases/${caseId}/tasks`, {
          title: 'Позвонить',
          dueAt: '2026-11-30T10:00:00+03:00',
        });
        pool.task.push((task.json() as { id: string }).id);
      }
      const place = await staff.browser.post('/api/v1/places', {
        kind: 'court',
        nameRu: 'Суд для проверки',
      });
      pool.place.push((place.json() as { id: string }).id);
      const shift = await staff.browser.post('/api/v1/roster/shifts', {
        userId: staff.userId,
        startsAt: '2026-11-30T09:00:00+03:00',
        endsAt: '2026-11-30T21:00:00+03:00',
      });
      pool.shift.push((shift.json() as { id: string }).id);
      const alertId = await ports.unitOfWork.run(async (repositories) => {
        const alert = await raiseAlert(repositories, ports, {
          orgId,
          caseId: pool.case[0] ?? '',
          caseCode: 'FUZZ-0001',
          placeId: null,
          reason: 'marked-urgent',
          raisedBy: staff.userId,
          now: clock.now(),
        });
        return alert.id;
      });
      pool.alert.push(alertId);
    }
    return identity;
  }

  for (const role of ['coordinator', 'lawyer', 'volunteer', 'admin'] as const) await signIn(role);
  pool.user.push((await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] })).userId);
  const visitorCsrf = await server.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  const visitor: Identity = {
    cookie: `habeas_csrf=${visitorCsrf.cookies.find((cookie) => cookie.name === 'habeas_csrf')?.value}`,
    csrfToken: (visitorCsrf.json() as { csrfToken: string }).csrfToken,
  };

  const documentResponse = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const document = documentResponse.json() as OpenApiDocument;
  const operations = [...operationsOf(document), ...undocumentedRoutes(server, document)];

  async function send(request: FuzzRequest & { csrf: boolean }) {
    const as = endsSessions.test(request.url) ? 'visitor' : request.as;
    const identity = as === 'visitor' ? visitor : (identities.get(as) ?? visitor);
    const headers: Record<string, string> = {
      cookie: identity.cookie,
      ...(request.csrf ? { 'x-csrf-token': identity.csrfToken } : {}),
      ...request.headers,
    };
    const response = await injectReading(server, {
      method: request.method,
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    // A session the fuzzer lost (idle, revoked) is replaced, so that staff routes stay reachable.
    if (as !== 'visitor' && response.statusCode === 401 && request.csrf) {
      const me = await server.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: identity.cookie },
      });
      if (me.statusCode === 401) await signIn(as);
    }
    return response;
  }

  return {
    server,
    document,
    operations,
    pool,
    send,
    async close() {
      await server.app.close();
      await database.close();
    },
  };
}

export type FuzzResponse = { statusCode: number; body: string };

/**
 * Sends one request and reads its answer; an event stream, which stays open by design, is read
 * up to its first chunk and then dropped.
 */
async function injectReading(
  server: HabeasServer,
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string | Buffer;
  },
): Promise<FuzzResponse> {
  const abort = new AbortController();
  const response = await server.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    payloadAsStream: true,
    signal: abort.signal,
  });
  const stream = response.stream();
  stream.on('error', () => {});
  const streaming = String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk));
    if (streaming) break;
  }
  abort.abort();
  return { statusCode: response.statusCode, body: Buffer.concat(chunks).toString('utf8') };
}

/** A response the server must never give: a server error, or one that shows its insides. */
export function isFailure(response: FuzzResponse): boolean {
  return (
    response.statusCode >= 500 ||
    /\n\s+at .+\(.+:\d+:\d+\)/.test(response.body) ||
    /node_modules|\/src\/(app|server|adapters)\//.test(response.body)
  );
}

export type FuzzOutcome = {
  /** fast-check's seed: the same seed on the same server state draws the same requests. */
  seed: number;
  sent: number;
  byOperation: Map<string, number>;
  /** Milliseconds spent on each operation, generation excluded. */
  timeByOperation: Map<string, number>;
  byStatus: Map<number, number>;
  failures: { request: FuzzRequest; status: number; body: string }[];
};

/**
 * Sends `runs` generated requests, spread evenly over the operations. Failures are collected,
 * not thrown, so that one run reports every kind of failure it found.
 */
export async function fuzz(
  target: FuzzTarget,
  runs: number,
  seed = Date.now() % 2 ** 31,
): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = {
    seed,
    sent: 0,
    byOperation: new Map(),
    timeByOperation: new Map(),
    byStatus: new Map(),
    failures: [],
  };
  // Built once per operation: building arbitraries costs more than drawing from them.
  const requests = fc.oneof(
    ...target.operations.map((operation) => requestOf(operation, target.document, target.pool)),
  );
  await fc.assert(
    fc.asyncProperty(requests, async (request) => {
      const started = performance.now();
      const response = await target.send(request);
      const { operation } = request;
      outcome.timeByOperation.set(
        operation,
        (outcome.timeByOperation.get(operation) ?? 0) + performance.now() - started,
      );
      outcome.sent += 1;
      outcome.byOperation.set(
        request.operation,
        (outcome.byOperation.get(request.operation) ?? 0) + 1,
      );
      outcome.byStatus.set(
        response.statusCode,
        (outcome.byStatus.get(response.statusCode) ?? 0) + 1,
      );
      if (isFailure(response) && outcome.failures.length < 50)
        outcome.failures.push({
          request,
          status: response.statusCode,
          body: response.body.slice(0, 300),
        });
      return true;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return outcome;
}
