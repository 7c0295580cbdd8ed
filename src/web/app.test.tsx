import { render, screen, within } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api/api-client.ts';
import { App } from './app.tsx';
import { currentLanguage } from './i18n/i18n.ts';
import { errorReply, type FakeReply, fakeServer } from './testing/fake-server.ts';
import { startApp } from './testing/start-app.tsx';

const anna: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000001',
      email: 'anna@example.org',
      displayName: 'Анна Петрова',
      roles: ['lawyer', 'coordinator'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};
const unauthenticated = errorReply(401, 'UNAUTHENTICATED', 'Нужно войти в систему.');
const secondFactorRequired = errorReply(401, 'SECOND_FACTOR_REQUIRED', 'Введите код.');
const resetSent =
  'Если этот адрес принадлежит учётной записи, на него отправлена ссылка для сброса пароля. Она действует один час. Если письмо не пришло, обратитесь к администратору организации.';
const recoveryCodes = Array.from({ length: 10 }, (_, index) => `code${index}-abcde`);

async function logIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Электронная почта'), 'anna@example.org');
  await user.type(screen.getByLabelText('Пароль'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Войти' }));
}

describe('staff app', () => {
  it('resumes a half-finished login at the step it still needs', async () => {
    const enrolling = fakeServer({
      'GET /api/v1/me': () =>
        errorReply(401, 'TOTP_ENROLMENT_REQUIRED', 'Сначала подключите приложение.'),
      'POST /api/v1/auth/totp/enrolment': () => ({
        status: 200,
        body: {
          secret: 'JBSWY3DPEHPK3PXP',
          uri: 'otpauth://totp/x',
          qrCodeDataUrl: 'data:image/png;base64,AA==',
        },
      }),
    });
    startApp('/staff/', enrolling);
    expect(await screen.findByRole('img')).toBeTruthy();
    expect(window.location.pathname).toBe('/staff/enrol-totp');
  });

  it('logs in with password and app code, then greets the user with translated roles', async () => {
    let signedIn = false;
    const server = fakeServer({
      'GET /api/v1/me': () => (signedIn ? anna : unauthenticated),
      'POST /api/v1/auth/login': () => ({ status: 200, body: { stage: 'second-factor' } }),
      'POST /api/v1/auth/second-factor': () => {
        signedIn = true;
        return { status: 200, body: { stage: 'full' } };
      },
    });
    const user = startApp('/staff/', server);

    await logIn(user);
    await user.type(await screen.findByLabelText('Код из приложения'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect(await screen.findByText('Вы вошли как Анна Петрова (anna@example.org)')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Рабочее место');
    expect(screen.getByText('Юрист')).toBeTruthy();
    expect(screen.getByText('Координатор')).toBeTruthy();
    expect(screen.getByText('Правозащитная сеть')).toBeTruthy();
    expect(window.location.pathname).toBe('/staff/');
    expect(server.requests.filter((request) => request.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { email: 'anna@example.org', password: 'correct horse battery' },
        language: 'ru',
      },
      {
        method: 'POST',
        path: '/api/v1/auth/second-factor',
        body: { code: '123 456' },
        language: 'ru',
      },
    ]);
  });

  it('enrols an authenticator app and shows the ten recovery codes once', async () => {
    let signedIn = false;
    const server = fakeServer({
      'GET /api/v1/me': () => (signedIn ? anna : unauthenticated),
      'POST /api/v1/auth/login': () => ({ status: 200, body: { stage: 'totp-enrolment' } }),
      'POST /api/v1/auth/totp/enrolment': () => ({
        status: 200,
        body: {
          secret: 'JBSWY3DPEHPK3PXPJBSW',
          uri: 'otpauth://totp/Habeas:anna%40example.org?secret=JBSWY3DPEHPK3PXPJBSW',
          qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
        },
      }),
      'POST /api/v1/auth/totp/enrolment/confirm': ({ body }) => {
        expect(body).toEqual({ code: '654321' });
        signedIn = true;
        return { status: 200, body: { stage: 'full', recoveryCodes } };
      },
    });
    const user = startApp('/staff/login', server);

    await logIn(user);
    const qrCode = await screen.findByRole('img', { name: /QR-код/ });
    expect(qrCode.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW')).toBeTruthy();
    expect(window.location.pathname).toBe('/staff/enrol-totp');
    await user.type(screen.getByLabelText('Код из приложения'), '654321');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Коды восстановления',
    );
    const shown = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(shown.map((item) => item.textContent)).toEqual(recoveryCodes);
    expect(screen.getByText('Мы выдали вам 10 кодов восстановления.')).toBeTruthy();
    expect(screen.getByText(/Больше мы их не покажем/)).toBeTruthy();
    // Every start issues a new secret, so the one on screen must be the only one.
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/totp/enrolment')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Я сохранил(а) коды' }));
    expect(await screen.findByText(/Вы вошли как Анна Петрова/)).toBeTruthy();
  });

  it("shows the server's message in an alert when the credentials are wrong", async () => {
    const message = 'Неверный адрес или пароль, или вход временно заблокирован.';
    const server = fakeServer({
      'GET /api/v1/me': () => unauthenticated,
      'POST /api/v1/auth/login': () => errorReply(401, 'INVALID_CREDENTIALS', message),
    });
    const user = startApp('/staff/', server);

    await logIn(user);

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(window.location.pathname).toBe('/staff/login');
    expect(screen.getByRole('button', { name: 'Войти' }).hasAttribute('disabled')).toBe(false);
  });

  it('switches to English, remembers the choice and asks the server in English', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => unauthenticated,
      'POST /api/v1/auth/login': () =>
        errorReply(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password.'),
    });
    const user = startApp('/staff/login', server);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Вход');

    await user.click(screen.getByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(screen.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('habeas.lang')).toBe('en');
    await user.type(screen.getByLabelText('E-mail'), 'anna@example.org');
    await user.type(screen.getByLabelText('Password'), 'wrong password!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong e-mail or password.');
    expect(server.requests.at(-1)?.language).toBe('en');
  });

  it('sets the password with the token from the link fragment, then starts enrolment', async () => {
    const token = 'k3J9xQ2mVb7pLr4sT8wZ1nC6';
    const server = fakeServer({
      'POST /api/v1/auth/password': () => ({ status: 200, body: { stage: 'totp-enrolment' } }),
      'POST /api/v1/auth/totp/enrolment': () => ({
        status: 200,
        body: {
          secret: 'JBSWY3DP',
          uri: 'otpauth://totp/x',
          qrCodeDataUrl: 'data:image/png;base64,',
        },
      }),
    });
    const user = startApp(`/staff/welcome#token=${token}`, server);

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Добро пожаловать в Habeas',
    );
    expect(window.location.hash).toBe('');
    await user.type(screen.getByLabelText('Новый пароль'), 'long enough passphrase');
    await user.type(screen.getByLabelText('Повторите пароль'), 'long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль и продолжить' }));

    expect(await screen.findByRole('img', { name: /QR-код/ })).toBeTruthy();
    expect(server.requests[0]).toEqual({
      method: 'POST',
      path: '/api/v1/auth/password',
      body: { token, password: 'long enough passphrase' },
      language: 'ru',
    });
  });

  it('checks the new password before sending it', async () => {
    const server = fakeServer({});
    const user = startApp('/staff/welcome#token=k3J9xQ2mVb7pLr4sT8wZ1nC6', server);

    await user.type(await screen.findByLabelText('Новый пароль'), 'short');
    await user.type(screen.getByLabelText('Повторите пароль'), 'shorter');
    await user.click(screen.getByRole('button', { name: 'Сохранить пароль и продолжить' }));

    expect(screen.getByText('Слишком короткий пароль: нужно не менее 12 символов.')).toBeTruthy();
    expect(screen.getByText('Пароли не совпадают.')).toBeTruthy();
    expect(screen.getByLabelText('Новый пароль').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toEqual([]);
  });

  it('sends a half-signed-in session to the code page, which takes a recovery code', async () => {
    let signedIn = false;
    const server = fakeServer({
      'GET /api/v1/me': () => (signedIn ? anna : secondFactorRequired),
      'POST /api/v1/auth/second-factor': ({ body }) => {
        expect(body).toEqual({ recoveryCode: 'abcde-fghij' });
        signedIn = true;
        return { status: 200, body: { stage: 'full' } };
      },
    });
    const user = startApp('/staff/', server);

    await user.click(
      await screen.findByRole('button', { name: 'Использовать код восстановления' }),
    );
    await user.type(screen.getByLabelText('Код восстановления'), 'abcde-fghij');
    await user.click(screen.getByRole('button', { name: 'Подтвердить' }));

    expect(await screen.findByText(/Вы вошли как Анна Петрова/)).toBeTruthy();
  });

  it('logs out everywhere and says how many sessions ended', async () => {
    let signedIn = true;
    const server = fakeServer({
      'GET /api/v1/me': () => (signedIn ? anna : unauthenticated),
      'POST /api/v1/auth/logout-everywhere': () => {
        signedIn = false;
        return { status: 200, body: { revokedSessions: 3 } };
      },
    });
    const user = startApp('/staff/', server);

    await user.click(await screen.findByRole('button', { name: 'Выйти на всех устройствах' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      'Завершено 3 сеанса на ваших устройствах.',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вход');
    expect(window.location.pathname).toBe('/staff/login');
  });

  it('asks for a reset link from the login page and confirms without saying whether the account exists', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => unauthenticated,
      'POST /api/v1/auth/password-reset': () => ({ status: 202, body: { accepted: true } }),
    });
    const user = startApp('/staff/login', server);

    await user.click(await screen.findByRole('link', { name: 'Забыли пароль?' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Сброс пароля');
    expect(window.location.pathname).toBe('/staff/reset');
    expect(screen.getByRole('status').textContent).toBe('');
    await user.type(screen.getByLabelText('Электронная почта'), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Отправить ссылку' }));

    expect(await within(screen.getByRole('status')).findByText(resetSent)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.requests.filter((request) => request.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/auth/password-reset',
        body: { email: 'anna@example.org' },
        language: 'ru',
      },
    ]);

    await user.click(screen.getByRole('link', { name: 'Вернуться ко входу' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вход');
    expect(window.location.pathname).toBe('/staff/login');
  });

  it("shows the server's message in an alert when resets are asked for too often", async () => {
    const message = 'Слишком много попыток. Подождите минуту и попробуйте снова.';
    const server = fakeServer({
      'POST /api/v1/auth/password-reset': () => errorReply(429, 'RATE_LIMITED', message),
    });
    const user = startApp('/staff/reset', server);

    await user.type(await screen.findByLabelText('Электронная почта'), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Отправить ссылку' }));

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('button', { name: 'Отправить ссылку' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('confirms a reset request in English', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/password-reset': () => ({ status: 202, body: { accepted: true } }),
    });
    const user = startApp('/staff/reset', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reset your password');
    await user.type(screen.getByLabelText('E-mail'), 'nobody@example.org');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(
      await within(screen.getByRole('status')).findByText(/^If this address belongs to an account/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to sign in' }).getAttribute('href')).toBe(
      '/staff/login',
    );
    expect(server.requests.at(-1)?.language).toBe('en');
  });

  it('offers the login form with an explanation when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    window.history.replaceState(null, '', '/staff/');
    render(<App api={createApiClient({ language: currentLanguage })} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вход');
  });
});
