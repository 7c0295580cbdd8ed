import { generate } from 'otplib';

/**
 * A staff member's client over real HTTP, as the staff app behaves: keeps cookies, sends the
 * CSRF token on every unsafe request, and goes through password and TOTP enrolment.
 */
export function httpStaffClient(baseUrl: string) {
  const cookies = new Map<string, string>();
  let csrfToken: string | undefined;

  async function call(method: string, url: string, body?: unknown): Promise<Response> {
    if (method !== 'GET' && csrfToken === undefined) {
      csrfToken = ((await (await call('GET', '/api/v1/auth/csrf')).json()) as { csrfToken: string })
        .csrfToken;
    }
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(cookies.size > 0
          ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  return {
    call,
    /** The session cookie's value, to hand to a browser. */
    sessionCookie(): string {
      const value = cookies.get('habeas_session');
      if (value === undefined) throw new Error('no session yet');
      return value;
    },
    /** First login of an account with no authenticator yet: enrols one and returns its secret. */
    async enrolAtFirstLogin(email: string, password: string): Promise<string> {
      const login = await call('POST', '/api/v1/auth/login', { email, password });
      if (login.status !== 200) throw new Error(`login answered ${login.status}`);
      const enrolment = (await (await call('POST', '/api/v1/auth/totp/enrolment', {})).json()) as {
        secret: string;
      };
      const confirmed = await call('POST', '/api/v1/auth/totp/enrolment/confirm', {
        code: await generate({ secret: enrolment.secret }),
      });
      if (confirmed.status !== 200) throw new Error(`enrolment answered ${confirmed.status}`);
      return enrolment.secret;
    },
    /**
     * A later login, with the code of the next period: each code works once, and the current
     * one may just have been used.
     */
    async logIn(email: string, password: string, totpSecret: string): Promise<void> {
      const login = await call('POST', '/api/v1/auth/login', { email, password });
      if (login.status !== 200) throw new Error(`login answered ${login.status}`);
      const code = await generate({
        secret: totpSecret,
        epoch: Math.floor(Date.now() / 1000) + 30,
      });
      const second = await call('POST', '/api/v1/auth/second-factor', { code });
      if (second.status !== 200) throw new Error(`second factor answered ${second.status}`);
    },
  };
}
