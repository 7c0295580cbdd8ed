import { Command, InvalidArgumentError } from 'commander';
import { changeStaffRoles } from '../../app/accounts/change-staff-roles.ts';
import { findStaffUser } from '../../app/accounts/find-staff-user.ts';
import { inviteStaffUser } from '../../app/accounts/invite-staff-user.ts';
import { issueEnrolmentLink } from '../../app/accounts/issue-enrolment-link.ts';
import { revokeStaffUser } from '../../app/accounts/revoke-staff-user.ts';
import { AppError, type AppErrorCode } from '../../app/app-error.ts';
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts';
import { createOrganisation } from '../../app/organisations/create-organisation.ts';
import { setClosedCaseRetention } from '../../app/organisations/set-retention.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { isRole, type Role, roles } from '../../domain/access/roles.ts';
import { BootError, loadConfigOrFail, openStorage, runMain } from '../boot.ts';
import type { Config } from '../config/env.ts';
import { renderEnvExample } from '../config/env.ts';
import {
  buildPorts,
  configuredPorts,
  documentTools,
  publicUrlOf,
  rulePacks,
} from '../container.ts';
import { registerBackupCommands, registerDbCopyCommand } from './backup.command.ts';
import { registerCaseCommands } from './cases.command.ts';
import { registerDocumentCommands } from './documents.command.ts';
import { registerEscrowCommands } from './escrow.command.ts';
import { registerRosterCommands } from './roster.command.ts';
import { registerRulesCommands } from './rules.command.ts';

const cli = { system: 'cli' } as const;

/** How each refusal ends the command: one place, like the HTTP status map. */
const exitCodes: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 3,
  SECOND_FACTOR_REQUIRED: 3,
  TOTP_ENROLMENT_REQUIRED: 3,
  FORBIDDEN: 3,
  NOT_FOUND: 4,
  INVALID_CREDENTIALS: 3,
  INVALID_CODE: 3,
  WEAK_PASSWORD: 2,
  TOKEN_INVALID: 2,
  CONFLICT: 5,
  KEY_UNAVAILABLE: 3,
  SEALED_DATA_REFUSED: 6,
  FACTS_REFUSED: 2,
  CASE_NOT_OPEN: 5,
  CASE_MERGED: 5,
  SPREADSHEET_UNREADABLE: 2,
  IMPORT_REFUSED: 2,
  TELEGRAM_NOT_CONFIGURED: 5,
  DOCUMENT_FIELDS_MISSING: 2,
  EVIDENCE_TOO_LARGE: 2,
  EVIDENCE_TYPE_REFUSED: 2,
  EVIDENCE_REFUSED: 2,
  EVIDENCE_NOT_REVIEWED: 5,
};

/** Opens storage, runs the action with the wired ports, and always closes the database. */
async function withPorts(action: (ports: Ports, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfigOrFail();
  const database = await openStorage(config, { migrate: true });
  try {
    await action(buildPorts(database, configuredPorts(config)), config);
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`habeas: refused (${error.code}): ${error.message}\n`);
      process.exitCode = exitCodes[error.code];
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function parseRole(value: string, previous: Role[] = []): Role[] {
  if (!isRole(value)) throw new InvalidArgumentError(`expected one of ${roles.join(', ')}`);
  return [...previous, value];
}

/** The organisation named, or the only one there is. */
async function organisationOf(ports: Ports, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const organisations = await ports.unitOfWork.run((repositories) =>
    repositories.organisations.list(),
  );
  const [only] = organisations;
  if (only === undefined || organisations.length > 1) {
    throw new BootError(`there are ${organisations.length} organisations: name one with --org`);
  }
  return only.id;
}

export function buildProgram(): Command {
  const program = new Command('habeas')
    .description('Habeas administration: organisations, staff, audit log, database')
    .showHelpAfterError()
    // Options after a subcommand belong to it (`backup --out` and `backup keygen --out`).
    .enablePositionalOptions();

  const org = program.command('org').description('organisations');
  org
    .command('create')
    .requiredOption('--name <name>', 'the organisation’s name')
    .action(async (options: { name: string }) =>
      withPorts(async (ports) => {
        const organisation = await createOrganisation(ports, { name: options.name });
        process.stdout.write(`${organisation.id}\n`);
      }),
    );

  org
    .command('retention')
    .description('how long closed cases are kept before they are destroyed')
    .option('--days <n>', 'days after closing', (value) => {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 0)
        throw new InvalidArgumentError('expected a whole number of days');
      return days;
    })
    .option('--keep', 'keep closed cases until deleted by hand')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { days?: number; keep?: boolean; org?: string }) =>
      withPorts(async (ports) => {
        if ((options.days === undefined) === (options.keep !== true)) {
          throw new BootError('give either --days N or --keep');
        }
        const orgId = await organisationOf(ports, options.org);
        await setClosedCaseRetention(ports, { orgId, days: options.days ?? null });
        process.stdout.write(
          options.days === undefined
            ? 'closed cases are kept\n'
            : `closed cases are destroyed ${options.days} days after closing\n`,
        );
      }),
    );

  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('invite a staff member; prints a one-time enrolment link')
    .requiredOption('--email <email>', 'e-mail address used to log in')
    .requiredOption('--role <role>', `role (${roles.join(', ')}); repeat for several`, parseRole)
    .option('--name <name>', 'display name', '')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { email: string; role: Role[]; name: string; org?: string }) =>
      withPorts(async (ports, config) => {
        const orgId = await organisationOf(ports, options.org);
        const invited = await inviteStaffUser(ports, cli, {
          orgId,
          email: options.email,
          displayName: options.name || options.email,
          roles: options.role,
        });
        process.stdout.write(
          `${publicUrlOf(config)}/staff/welcome#token=${invited.enrolmentToken}\n`,
        );
      }),
    );

  user
    .command('link')
    .description('a fresh one-time link: enrolment if never used, else a password reset')
    .requiredOption('--email <email>', 'the staff member’s e-mail')
    .action(async (options: { email: string }) =>
      withPorts(async (ports, config) => {
        const issued = await issueEnrolmentLink(ports, cli, { email: options.email });
        process.stdout.write(
          `${publicUrlOf(config)}/staff/welcome#token=${issued.enrolmentToken}\n`,
        );
      }),
    );

  user
    .command('roles')
    .description('replace a staff member’s roles')
    .requiredOption('--email <email>', 'the staff member’s e-mail')
    .requiredOption(
      '--role <role>',
      `new role (${roles.join(', ')}); repeat for several`,
      parseRole,
    )
    .action(async (options: { email: string; role: Role[] }) =>
      withPorts(async (ports) => {
        const target = await findStaffUser(ports, { email: options.email });
        await changeStaffRoles(ports, cli, { ...target, roles: options.role });
        process.stdout.write(`roles: ${[...new Set(options.role)].sort().join(', ')}\n`);
      }),
    );

  user
    .command('revoke')
    .description('close an account: it can no longer log in, its sessions end now')
    .requiredOption('--email <email>', 'the staff member’s e-mail')
    .action(async (options: { email: string }) =>
      withPorts(async (ports) => {
        const target = await findStaffUser(ports, { email: options.email });
        await revokeStaffUser(ports, cli, target);
        process.stdout.write('revoked\n');
      }),
    );

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('re-compute every organisation’s hash chain; exit 1 if any entry was altered')
    .action(async () =>
      withPorts(async (ports) => {
        const results = await verifyAuditLog(ports);
        let broken = false;
        for (const result of results) {
          if (result.chainBreak === null) {
            process.stdout.write(`ok       ${result.orgId}: ${result.entries} entries\n`);
          } else {
            broken = true;
            process.stdout.write(
              `TAMPERED ${result.orgId}: entry ${result.chainBreak.seq} (${result.chainBreak.reason})\n`,
            );
          }
        }
        if (broken) process.exitCode = 1;
      }),
    );

  registerEscrowCommands(program, withPorts, organisationOf);
  registerCaseCommands(program, withPorts);
  registerRulesCommands(program);
  registerDocumentCommands(program, { documents: documentTools(), rulePacks: rulePacks() });
  registerBackupCommands(program);
  registerRosterCommands(program, withPorts, organisationOf);

  const db = program.command('db').description('the database');
  db.command('migrate')
    .description('bring the schema up to date (the server also does this at start)')
    .action(async () => {
      const database = await openStorage(loadConfigOrFail(), { migrate: true });
      await database.close();
      process.stdout.write('database is up to date\n');
    });
  registerDbCopyCommand(db);

  const env = program.command('env').description('configuration');
  env
    .command('example')
    .description('print .env.example, generated from the configuration schema')
    .action(() => {
      process.stdout.write(renderEnvExample());
    });

  return program;
}

runMain(async () => {
  await buildProgram().parseAsync(process.argv);
});
