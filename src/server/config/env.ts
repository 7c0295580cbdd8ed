import { z } from 'zod';

/**
 * Every setting Habeas reads from its environment. This file is the only reader of `process.env`;
 * the descriptions and secret flags drive `.env.example` and log redaction.
 */
type EnvVariable = {
  schema: z.ZodType;
  description: string;
  secret: boolean;
  example?: string;
};

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const envVariables = {
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(8080),
    description: 'TCP port the web server listens on (0: any free port).',
    secret: false,
  },
  HOST: {
    schema: z.string().min(1).default('localhost'),
    description: 'Interface to listen on. Use 0.0.0.0 behind a reverse proxy or in a container.',
    secret: false,
  },
  HABEAS_DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    description: 'Folder for the embedded SQLite database (habeas.sqlite) and other local state.',
    secret: false,
  },
  DATABASE_URL: {
    schema: postgresUrl.optional(),
    description:
      'Unset: the embedded SQLite database in HABEAS_DATA_DIR. postgres://… : PostgreSQL, shared by several app instances.',
    secret: true,
    example: 'postgres://habeas@127.0.0.1:5432/habeas',
  },
  HABEAS_PUBLIC_URL: {
    schema: z.url().optional(),
    description:
      'The address people use to reach this server, for links in enrolment messages. Default: http://localhost:PORT.',
    secret: false,
    example: 'https://help.example.org',
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    description:
      'Mail server for staff messages (password reset links). Unset: no mail is sent; admins issue links with `habeas user link`.',
    secret: true,
    example: 'smtps://habeas:password@mail.example.org:465',
  },
  HABEAS_MAIL_FROM: {
    schema: z.string().min(3).default('Habeas <no-reply@localhost>'),
    description: 'Sender of staff messages.',
    secret: false,
  },
  HABEAS_INDEX_KEY: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 random bytes in base64url (43 characters)')
      .optional(),
    description:
      'Key of the blind indexes that find duplicate persons. Unset: kept in HABEAS_DATA_DIR/index.key. Several instances on PostgreSQL must share one value.',
    secret: true,
  },
  HABEAS_TOTP_KEY: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 random bytes in base64url (43 characters)')
      .optional(),
    description:
      "Key that seals staff members' second-factor secrets in the database. Unset: kept in HABEAS_DATA_DIR/totp.key. Several instances on PostgreSQL must share one value.",
    secret: true,
  },
  HABEAS_INDEX_EXPECTED_PERSONS: {
    schema: z.coerce.number().int().min(1).default(10_000),
    description:
      'Persons one organisation expects to hold; sizes the blind index so that each value is shared by at least 10 people. Changing it needs a re-index.',
    secret: false,
  },
  HABEAS_INTAKE_LIMITS: {
    schema: z.enum(['on', 'off']).default('on'),
    description:
      'Anti-abuse limits of the public intake. `off` only for load tests: the server warns at start.',
    secret: false,
  },
  TELEGRAM_BOT_TOKEN: {
    schema: z
      .string()
      .regex(/^\d{3,}:[\w-]{30,}$/, 'a token from @BotFather looks like 123456789:AAE…')
      .optional(),
    description:
      "The hotline's Telegram bot token, from @BotFather. Unset: no Telegram bot. In-progress answers are sealed under keys derived from it.",
    secret: true,
  },
  HABEAS_TELEGRAM_MODE: {
    schema: z.enum(['polling', 'webhook']).default('polling'),
    description:
      'polling: this instance asks Telegram for messages; set the token on one instance only, Telegram refuses a second poller. webhook: Telegram posts to HABEAS_PUBLIC_URL (https), and every instance may serve it.',
    secret: false,
  },
  HABEAS_TELEGRAM_API_ROOT: {
    schema: z.url().default('https://api.telegram.org'),
    description:
      "The Bot API server: Telegram's own, or a local Bot API server. Tests point it at a stand-in.",
    secret: false,
  },
  HABEAS_TRUST_PROXY: {
    schema: booleanFlag.default(false),
    description: 'Set to true when a reverse proxy in front of Habeas sets X-Forwarded-* headers.',
    secret: false,
  },
  HABEAS_DEMO: {
    schema: booleanFlag.default(true),
    description:
      'On first start with no organisation, create a demo organisation and print an admin login.',
    secret: false,
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Server log level. Logs never hold personal data.',
    secret: false,
  },
  HABEAS_TEST_POSTGRES_URL: {
    schema: postgresUrl.optional(),
    description:
      'Tests only: a PostgreSQL server for the storage tests. Unset: they run on PGlite (Postgres in WebAssembly).',
    secret: true,
    example: 'postgres://postgres@127.0.0.1:5432/test',
  },
  CI: {
    schema: booleanFlag.optional(),
    description:
      'Set by CI. Browser and PostgreSQL tests fail instead of skipping when their tools are missing.',
    secret: false,
  },
} satisfies Record<string, EnvVariable>;

type EnvVariables = typeof envVariables;
export type Config = { [K in keyof EnvVariables]: z.output<EnvVariables[K]['schema']> };

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates an environment, reporting every problem at once rather than the first. */
export function parseConfig(source: Record<string, string | undefined>): ConfigResult {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(envVariables) as [string, EnvVariable][]) {
    const raw = source[name];
    const result = variable.schema.safeParse(raw === '' ? undefined : raw);
    if (result.success) {
      config[name] = result.data;
    } else {
      const shown = variable.secret ? '(hidden)' : JSON.stringify(raw);
      const reason = result.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${name}=${shown}: ${reason}. ${variable.description}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: config as Config };
}

/** Reads the process environment once, at boot. */
export function loadConfig(): ConfigResult {
  return parseConfig(process.env);
}

/** The names whose values must never reach a log. */
export const secretVariableNames = Object.entries(envVariables)
  .filter(([, variable]) => variable.secret)
  .map(([name]) => name);

/** The text of `.env.example`, generated from the schema so that it cannot drift. */
export function renderEnvExample(): string {
  const lines = [
    '# Habeas configuration. Generated by `npm run env:example` from src/server/config/env.ts.',
    '# Every variable is optional: the defaults run on an embedded database with nothing to install.',
    '',
  ];
  for (const [name, variable] of Object.entries(envVariables) as [string, EnvVariable][]) {
    lines.push(`# ${variable.description}${variable.secret ? ' (secret)' : ''}`);
    const fallback = variable.schema.safeParse(undefined);
    const value =
      variable.example ??
      (fallback.success && fallback.data !== undefined ? String(fallback.data) : '');
    lines.push(`# ${name}=${value}`, '');
  }
  return lines.join('\n');
}
