import { describe, expect, it } from 'vitest';
import { browserSession, useSharedTestServer } from '../../../../test/support/test-server.ts';

describe('bad input', () => {
  const shared = useSharedTestServer();

  async function postRaw(payload: string, contentType: string, language = 'en') {
    const browser = browserSession(shared.current());
    const csrf = (await browser.get('/api/v1/auth/csrf')).json() as { csrfToken: string };
    return browser.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: payload,
      withoutCsrf: true,
      headers: {
        'content-type': contentType,
        'x-csrf-token': csrf.csrfToken,
        'accept-language': language,
      },
    });
  }

  const login = (body: unknown, language = 'en') =>
    postRaw(JSON.stringify(body), 'application/json', language);

  it.each([
    ['a missing field', { email: 'a@example.org' }, 'body.password', 'This field is required.'],
    [
      'a wrong type',
      { email: 'a@example.org', password: 42 },
      'body.password',
      'Wrong type: expected text.',
    ],
    [
      'an over-long string',
      { email: 'a@example.org', password: 'x'.repeat(2000) },
      'body.password',
      'Too long: at most 1024 characters.',
    ],
    [
      'an unknown field',
      { email: 'a@example.org', password: 'x', admin: true },
      'body.admin',
      'Unknown field.',
    ],
    [
      'a malformed e-mail',
      { email: 'not-an-email', password: 'x' },
      'body.email',
      'Invalid format.',
    ],
  ])('answers %s with 400 naming the field', async (_case, body, path, message) => {
    const response = await login(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Please check the fields.',
        fields: [{ path, message }],
      },
    });
  });

  it('speaks Russian unless asked otherwise', async () => {
    const response = await login({ email: 'a@example.org' }, 'ru-RU,ru;q=0.9');
    expect(response.json().error).toMatchObject({
      message: 'Проверьте заполнение полей.',
      fields: [{ path: 'body.password', message: 'Обязательное поле.' }],
    });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await postRaw('{"email": ', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_BODY');
  });

  it('answers a wrong content type with 415', async () => {
    const response = await postRaw('email=a', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an oversized body with 413', async () => {
    const response = await postRaw(
      JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(100_000) }),
      'application/json',
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await shared
      .current()
      .app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('never answers bad input with a 5xx or a stack trace', async () => {
    const bodies = [
      'null',
      '[]',
      '"text"',
      '{"email":{"$gt":""},"password":[]}',
      '\u0000',
      '{"__proto__":{"x":1}}',
    ];
    for (const body of bodies) {
      const response = await postRaw(body, 'application/json');
      expect(response.statusCode, body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, body).toBeLessThan(500);
      expect(response.body).not.toMatch(/\bat .+\.ts:\d+/);
    }
  });
});

describe('response headers', () => {
  const shared = useSharedTestServer();

  it('sends a strict CSP and no-store on pages and API answers', async () => {
    for (const url of ['/', '/healthz', '/api/v1/auth/csrf']) {
      const response = await shared.current().app.inject({ method: 'GET', url });
      expect(response.headers['cache-control'], url).toBe('no-store');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/https?:\/\//);
    }
  });

  it('serves the OpenAPI document of the whole API', async () => {
    const response = await shared.current().app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/api/v1/auth/login', '/api/v1/me']),
    );
  });
});
