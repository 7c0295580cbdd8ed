import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { isCi } from './test-databases.ts';

const executablePath = '/usr/bin/chromium';

/** Whether browser tests can run here; in CI a missing browser is a failure, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(executablePath)) return true;
  if (isCi())
    throw new Error(`CI needs Debian's chromium at ${executablePath} (apt-get install chromium)`);
  return false;
}

/** Debian's Chromium, headless, with every call home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
