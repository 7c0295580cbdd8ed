import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoOrganisation } from '../app/organisations/seed-demo-organisation.ts';
import { topUpShippedPlaces } from '../app/places/top-up-shipped-places.ts';
import { loadConfigOrFail, openStorage, runMain } from './boot.ts';
import { buildPorts, configuredPorts, publicUrlOf } from './container.ts';
import { buildServer } from './http/build-server.ts';
import { startRetentionJob } from './jobs/retention.job.ts';
import { startJobRunner } from './jobs/start-job-runner.ts';
import { telegramChannel } from './telegram/telegram-channel.ts';

const staffAppDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

runMain(async () => {
  const config = loadConfigOrFail();
  const database = await openStorage(config, { migrate: true });
  const ports = buildPorts(database, configuredPorts(config));
  const publicUrl = publicUrlOf(config);
  // A new release may ship more places: existing organisations get those they lack.
  const shippedPlaces = await topUpShippedPlaces(ports);

  if (
    config.HABEAS_DEMO &&
    (await ports.unitOfWork.run((repositories) => repositories.organisations.count())) === 0
  ) {
    const adminPassword = ports.tokens.newToken().slice(0, 24);
    const demo = await seedDemoOrganisation(ports, { adminPassword });
    // A real organisation keeps its escrow key offline; the demo leaves it in the data dir.
    const escrowKeyFile = path.join(config.HABEAS_DATA_DIR, 'demo-escrow.key');
    writeFileSync(escrowKeyFile, `${demo.escrowPrivateKey}\n`, { mode: 0o600 });
    // Printed to the console once, never to the log: the operator copies it, nothing keeps it.
    process.stdout.write(
      [
        '',
        'Habeas: created a demo organisation.',
        `  Staff login:  ${publicUrl}/staff/login`,
        `  E-mail:       ${demo.adminEmail}`,
        `  Password:     ${adminPassword}`,
        '  At first login you enrol an authenticator app (TOTP).',
        `  ${demo.sampleCases} invented sample cases; demo escrow key: ${escrowKeyFile}`,
        '',
      ].join('\n'),
    );
  }

  const telegram =
    config.TELEGRAM_BOT_TOKEN === undefined
      ? null
      : telegramChannel({
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.HABEAS_TELEGRAM_API_ROOT,
          mode: config.HABEAS_TELEGRAM_MODE,
          ports,
          publicUrl,
          limits: config.HABEAS_INTAKE_LIMITS === 'on',
        });
  const { app } = await buildServer({
    ports,
    publicUrl,
    trustProxy: config.HABEAS_TRUST_PROXY,
    logLevel: config.LOG_LEVEL,
    staffAppDir: path.resolve(staffAppDir),
    intakeLimits: config.HABEAS_INTAKE_LIMITS === 'on',
    telegramWebhook: telegram?.webhook ?? null,
    statsReadByWeek: database.dialect === 'sqlite',
  });
  if (shippedPlaces.added > 0) {
    app.log.info(shippedPlaces, 'shipped places added to existing organisations');
  }
  if (config.HABEAS_INTAKE_LIMITS === 'off') {
    app.log.warn(
      'HABEAS_INTAKE_LIMITS=off: the public intake has no anti-abuse limits (load tests only)',
    );
  }
  if (config.SMTP_URL === undefined) {
    app.log.warn('SMTP_URL is not set: alerts reach the live board only, not e-mail');
  }
  const stopRetention = startRetentionJob(ports, app.log);
  const stopJobs = startJobRunner(ports, database, app.log);
  const shutdown = async () => {
    stopRetention();
    await telegram?.stop();
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(`Habeas is serving on ${publicUrl} (${database.dialect})\n`);
  // A bot that cannot reach Telegram is logged; the web form and the API keep serving.
  await telegram?.start(app.log).catch(() => undefined);
});
