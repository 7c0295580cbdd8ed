import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { vi } from 'vitest';
import { createApiClient } from '../api/api-client.ts';
import { App } from '../app.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import type { fakeServer } from './fake-server.ts';

export type User = ReturnType<typeof userEvent.setup>;

/** The whole staff app at an address, talking to a fake server, as a user would meet it. */
export function startApp(path: string, server: ReturnType<typeof fakeServer>): User {
  vi.stubGlobal('fetch', server.fetch);
  window.history.replaceState(null, '', path);
  const user = userEvent.setup();
  render(
    <StrictMode>
      <App api={createApiClient({ language: currentLanguage })} />
    </StrictMode>,
  );
  return user;
}
