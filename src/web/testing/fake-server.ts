import { onTestFinished } from 'vitest';

export type FakeRequest = { method: string; path: string; body: unknown; language: string | null };
export type FakeReply = {
  status: number;
  body?: unknown;
  /** Sent as it is instead of JSON: a file, or newline-delimited JSON, with these headers. */
  raw?: {
    content: string | ArrayBuffer | ReadableStream<Uint8Array>;
    headers: Record<string, string>;
  };
};
type Route = (request: FakeRequest) => FakeReply;

/**
 * Stands in for the API behind `fetch`. Like the real server, it checks the CSRF token on every
 * POST and PUT, and issues a new one whenever a reply moves the login to another stage or ends
 * it, so a client that keeps a stale token fails. A malformed request fails the test when it
 * ends, even if the app swallowed the error the fake server answered with.
 */
export function fakeServer(routes: Record<string, Route>) {
  const requests: FakeRequest[] = [];
  const violations: string[] = [];
  let tokenGeneration = 1;
  const currentToken = () => `csrf-${tokenGeneration}`;

  onTestFinished(() => {
    if (violations.length > 0) throw new Error(`bad requests:\n${violations.join('\n')}`);
  });

  function check(condition: boolean, problem: string): void {
    if (!condition) violations.push(problem);
  }

  async function fakeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    const path = String(input);
    const headers = new Headers(init.headers);
    const language = headers.get('accept-language');
    check(init.credentials === 'same-origin', `${method} ${path} without same-origin credentials`);
    check(language === 'ru' || language === 'en', `${method} ${path} with language ${language}`);

    if (method === 'GET' && path === '/api/v1/auth/csrf') {
      return json({ status: 200, body: { csrfToken: currentToken() } });
    }
    if (method !== 'GET') {
      const type = headers.get('content-type');
      const token = headers.get('x-csrf-token');
      // An uploaded file goes as itself, with its own type, or as a form whose multipart type the
      // browser writes itself; everything else is JSON.
      const upload =
        (init.body instanceof Blob && uploadTypes.includes(type ?? '')) ||
        (init.body instanceof FormData && type === null);
      check(type === 'application/json' || upload, `${method} ${path} with content-type ${type}`);
      check(token === currentToken(), `${method} ${path} with CSRF token ${token}`);
    }
    const route = routes[`${method} ${path}`];
    if (route === undefined) {
      violations.push(`unexpected ${method} ${path}`);
      return json({ status: 404, body: { error: { code: 'ROUTE_NOT_FOUND', message: 'none' } } });
    }
    const body =
      typeof init.body === 'string'
        ? JSON.parse(init.body)
        : init.body instanceof Blob || init.body instanceof FormData
          ? init.body
          : undefined;
    const request = { method, path, body, language };
    requests.push(request);
    const reply = route(request);
    if (replacesSession(path, reply)) tokenGeneration += 1;
    return json(reply);
  }

  return { fetch: fakeFetch, requests };
}

function replacesSession(path: string, { status, body }: FakeReply): boolean {
  if (status >= 300) return false;
  const newStage = typeof body === 'object' && body !== null && 'stage' in body;
  return newStage || path.startsWith('/api/v1/auth/logout');
}

const uploadTypes = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
];

function json({ status, body, raw }: FakeReply): Response {
  if (raw !== undefined) return new Response(raw.content, { status, headers: raw.headers });
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function errorReply(status: number, code: string, message: string): FakeReply {
  return { status, body: { error: { code, message } } };
}
