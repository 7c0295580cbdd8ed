import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client.ts';
import { App } from './app.tsx';
import { currentLanguage } from './i18n/i18n.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const api = createApiClient({ language: currentLanguage });

createRoot(container).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
