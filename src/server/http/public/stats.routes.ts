import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ports } from '../../../app/ports/ports.ts';
import { type OpenDataTable, openDataQuery, openDataTables } from '../../../contracts/stats.ts';
import type { PublicStats } from '../../../domain/stats/public-stats.ts';
import type { Language } from '../language.ts';
import { dataPackage, openDataTable, toCsv, toRecords } from './open-data.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';
import { statsSnapshot } from './stats-snapshot.ts';
import { statsPageBody } from './stats-view.ts';

export type StatsRoutesOptions = {
  ports: Ports;
  publicUrl: string;
  /** How long computed statistics are served before they are computed again. */
  maxAgeMs?: number;
  /**
   * Read events a week at a time, yielding between weeks: on SQLite, whose driver holds the
   * process while a query runs. PostgreSQL reads them faster in one go.
   */
  readByWeek?: boolean;
};

const titles: Record<Language, string> = {
  ru: 'Статистика задержаний призывников',
  en: 'Detentions of conscripts: statistics',
};

/** Open data may be read by anyone's code, from any site. */
const openDataHeaders = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

function jsonOf(stats: PublicStats, tables: readonly OpenDataTable[], publicUrl: string) {
  return {
    schema: `${publicUrl}/open-data/datapackage.json`,
    licence: 'CC-BY-4.0 (the places table: ODbL-1.0, it holds OpenStreetMap data)',
    totals: Object.fromEntries(
      Object.entries(stats.totals).map(([kind, count]) => [kind.replaceAll('-', '_'), count]),
    ),
    ...Object.fromEntries(tables.map((table) => [table, toRecords(openDataTable(stats, table))])),
  };
}

/**
 * The public dashboard `/stats` and its open data, both from the same suppressed statistics:
 * nothing here reads an event or a case except through them.
 */
export const statsRoutes: FastifyPluginAsyncZod<StatsRoutesOptions> = async (
  app,
  { ports, publicUrl, maxAgeMs = 5 * 60_000, readByWeek = true },
) => {
  const current = statsSnapshot(ports, maxAgeMs, readByWeek);

  app.get(
    '/stats',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const language = pageLanguage(request, (request.query as { lang?: unknown }).lang);
      const body = statsPageBody({
        stats: await current(),
        campaigns: ports.campaigns.all(),
        language,
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(publicPage({ language, title: titles[language], body }));
    },
  );

  app.get(
    '/open-data/detentions.csv',
    {
      config: { audience: 'public' },
      schema: {
        tags: ['open data'],
        summary:
          'Published detention statistics as CSV, one table at a time (schema: /open-data/datapackage.json)',
        querystring: openDataQuery,
      },
    },
    async (request, reply) => {
      const table = (request.query.table ?? 'weeks') as OpenDataTable;
      return reply
        .headers(openDataHeaders)
        .header('content-disposition', `inline; filename="detentions-${table}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(toCsv(openDataTable(await current(), table)));
    },
  );

  app.get(
    '/open-data/detentions.json',
    {
      config: { audience: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Published detention statistics as JSON: totals and every table, or one',
        querystring: openDataQuery,
      },
    },
    async (request, reply) => {
      const table = request.query.table as OpenDataTable | undefined;
      return reply
        .headers(openDataHeaders)
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify(
            jsonOf(await current(), table === undefined ? openDataTables : [table], publicUrl),
          ),
        );
    },
  );

  app.get(
    '/open-data/datapackage.json',
    {
      config: { audience: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'The open data schema and licences (Frictionless Data Package)',
      },
    },
    async (_request, reply) =>
      reply
        .headers(openDataHeaders)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(dataPackage(publicUrl))),
  );
};
