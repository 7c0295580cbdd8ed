import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase, sqliteFileName } from '../../src/adapters/db/sqlite-database.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import { seedStatsCases, statsDataset } from '../support/stats-fixtures.ts';

/** Seeds the statistics dataset into the running server's database, beside the demo cases. */
async function seedIntoServer(server: RunningServer): Promise<void> {
  const database = openSqliteDatabase(path.join(server.dataDir, sqliteFileName));
  try {
    const organisation = await database.db
      .selectFrom('organisations')
      .select('id')
      .executeTakeFirstOrThrow();
    const placeId = async (nameRu: string) =>
      (
        await database.db
          .selectFrom('places')
          .select('id')
          .where('org_id', '=', organisation.id)
          .where('name_ru', 'like', `${nameRu}%`)
          .executeTakeFirstOrThrow()
      ).id;
    await seedStatsCases(
      database.db,
      organisation.id,
      statsDataset({
        stationA: await placeId('Выхино'),
        stationB: await placeId('Тверская'),
        centre: await placeId('Сборный пункт'),
      }),
    );
  } finally {
    await database.close();
  }
}

describe.skipIf(!chromiumAvailable())(
  'public statistics, in a real browser without JavaScript',
  () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      server = await startServer();
      await seedIntoServer(server);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      server?.remove();
    });

    it('shows the seeded totals with small counts suppressed, and asks nothing of another origin', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
      const page = await context.newPage();
      const foreign = watchForeignRequests(page, server.baseUrl);
      const problems = watchPageProblems(page);

      const response = await page.goto(`${server.baseUrl}/stats`);
      expect(response?.status()).toBe(200);
      await page
        .getByRole('heading', { level: 1, name: 'Статистика задержаний призывников' })
        .waitFor();
      const totals = page.getByRole('region', { name: 'Всего' });
      const dd = (label: string) => totals.locator(`dt:text-is("${label}") + dd`);
      expect(await dd('Задержания').textContent()).toBe('43');
      expect(await dd('Адвоката не пустили').textContent()).toBe('12');
      expect(await dd('Отправлены в часть').textContent()).toBe('15');
      const week42 = page.getByRole('row', { name: /2025-W42/ });
      expect(await week42.getByRole('cell').first().textContent()).toBe('<10');
      expect(await page.getByRole('img', { name: 'Задержания по неделям' }).count()).toBe(1);
      expect(await page.getByRole('img', { name: 'Карта мест' }).count()).toBe(1);
      expect(await page.locator('script').count()).toBe(0);

      const csvLink = await page.getByRole('link', { name: 'detentions.csv' }).getAttribute('href');
      const csv = await page.request.get(new URL(csvLink ?? '', server.baseUrl).toString());
      expect(await csv.text()).toContain('2025-W41,2025-10-06,2025-autumn,25,');

      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();

      // axe runs as a script in the page, so it needs a context with JavaScript on.
      const audited = await browser.newContext({ locale: 'en-GB' });
      const english = await audited.newPage();
      await english.goto(`${server.baseUrl}/stats?lang=en`);
      expect(await accessibilityViolations(english)).toEqual([]);
      await audited.close();
    });
  },
);
