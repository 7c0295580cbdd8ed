import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './api-client.ts';

type Sent = { url: string; method: string; headers: Headers; body: unknown };

function stubFetch(replies: Array<() => Response>) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`no reply left for ${init.method} ${String(input)}`);
    return reply();
  });
  return sent;
}

function json(status: number, body: unknown): () => Response {
  return () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const api = () => createApiClient({ language: () => 'en' });

describe('api client', () => {
  it('fetches a new CSRF token once the old one is refused, and retries once', async () => {
    const sent = stubFetch([
      json(200, { csrfToken: 'old' }),
      json(403, { error: { code: 'CSRF_REJECTED', message: 'The form has expired.' } }),
      json(200, { csrfToken: 'new' }),
      json(200, { stage: 'second-factor' }),
    ]);

    await expect(api().logIn({ email: 'a@example.org', password: 'secret' })).resolves.toEqual({
      stage: 'second-factor',
    });

    expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /api/v1/auth/csrf',
      'POST /api/v1/auth/login',
      'GET /api/v1/auth/csrf',
      'POST /api/v1/auth/login',
    ]);
    expect(sent[3]?.headers.get('x-csrf-token')).toBe('new');
    expect(sent[3]?.headers.get('accept-language')).toBe('en');
  });

  it('turns an error body into an ApiError with the messages of each field', async () => {
    stubFetch([
      json(200, { csrfToken: 't' }),
      json(422, {
        error: {
          code: 'WEAK_PASSWORD',
          message: 'This password is too weak.',
          fields: [{ path: 'body.password', message: 'Too common.' }],
        },
      }),
    ]);

    const failure = await api()
      .setPassword({ token: 'x'.repeat(24), password: 'password1234' })
      .then(
        () => null,
        (error: unknown) => error,
      );

    if (!(failure instanceof ApiError)) throw new Error(`expected an ApiError, got ${failure}`);
    expect(failure.status).toBe(422);
    expect(failure.code).toBe('WEAK_PASSWORD');
    expect(failure.message).toBe('This password is too weak.');
    expect(failure.fieldMessage('password')).toBe('Too common.');
  });

  it('reports an unreachable server and a reply that breaks the contract as such', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api().me()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });

    stubFetch([json(200, { user: { id: 1 } })]);
    await expect(api().me()).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 200 });
  });

  it('checks an evaluation against the rules contract, so a finding without sources is refused', async () => {
    const record = {
      packId: 'ru-conscription',
      packVersion: 1,
      packHash: 'af2a9b3c',
      asOf: '2025-10-18',
      choices: {},
      factsSnapshot: {},
    };
    const sent = stubFetch([
      json(200, { csrfToken: 't' }),
      json(200, { record, findings: [], disputes: [] }),
      json(200, { record, findings: [{ ruleId: 'PRO-01', kind: 'right' }], disputes: [] }),
    ]);

    const client = api();
    await expect(client.evaluateRules({ facts: {}, asOf: '2025-10-18' })).resolves.toEqual({
      record,
      findings: [],
      disputes: [],
    });
    expect(sent[1]).toMatchObject({
      url: '/api/v1/rules/evaluate',
      method: 'POST',
      body: { facts: {}, asOf: '2025-10-18' },
    });
    expect(sent[1]?.headers.get('x-csrf-token')).toBe('t');
    await expect(client.evaluateRules({ facts: {} })).rejects.toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
    });
  });
});
