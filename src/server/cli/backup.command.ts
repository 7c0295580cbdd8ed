import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupSealError, newBackupKeyPair } from '../../adapters/crypto/backup-sealing.ts';
import { indexKeyFile, totpKeyFile } from '../../adapters/crypto/server-key-file.ts';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { openPostgresDatabase } from '../../adapters/db/postgres-database.ts';
import { BackupArchiveError } from '../backup/backup-archive.ts';
import { BackupError } from '../backup/backup-error.ts';
import { copyDatabase } from '../backup/copy-database.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { takeBackup } from '../backup/take-backup.ts';
import { BootError, loadConfigOrFail, openStorage } from '../boot.ts';

/** A refusal of these commands ends the process with its message, like a start-up failure. */
function asBootError(error: unknown): unknown {
  return error instanceof BackupError ||
    error instanceof BackupSealError ||
    error instanceof BackupArchiveError
    ? new BootError(error.message)
    : error;
}

/** Runs a backup command with the configured PostgreSQL database, if there is one. */
async function withPostgres<T>(action: (postgres: HabeasDatabase | null) => Promise<T>) {
  const config = loadConfigOrFail();
  const postgres =
    config.DATABASE_URL === undefined ? null : await openStorage(config, { migrate: false });
  try {
    return await action(postgres);
  } catch (error) {
    throw asBootError(error);
  } finally {
    await postgres?.close();
  }
}

/** The private key comes from a file or standard input (`-`), never from configuration. */
function readKey(source: string): string {
  return readFileSync(source === '-' ? 0 : source, 'utf8').trim();
}

export function registerBackupCommands(program: Command): void {
  const backup = program
    .command('backup')
    .description('a consistent, encrypted backup of the database and the data dir, while serving')
    .option('--recipient <public key>', 'the backup public key (from `habeas backup keygen`)')
    .option('--out <file>', 'where to write the backup (must not exist)')
    .action(async (options: { recipient?: string; out?: string }) => {
      if (options.recipient === undefined || options.out === undefined) {
        throw new BootError('give --recipient <backup public key> and --out <file>');
      }
      const { recipient, out } = options;
      const config = loadConfigOrFail();
      const summary = await withPostgres((postgres) =>
        takeBackup({ dataDir: config.HABEAS_DATA_DIR, postgres, recipient, out }),
      );
      process.stdout.write(
        [
          `backup written to ${out} (${summary.bytes} bytes, sealed to the backup key)`,
          `  database: ${summary.database === 'sqlite-file' ? 'SQLite snapshot' : 'every table of PostgreSQL'}`,
          `  files: ${summary.files.join(', ')}`,
          ...[indexKeyFile, totpKeyFile]
            .filter((keyFile) => config[keyFile.variable] !== undefined)
            .map(
              (keyFile) =>
                `  ${keyFile.variable} is configured, not in the data dir: keep it with the backup`,
            ),
          '',
        ].join('\n'),
      );
    });

  backup
    .command('keygen')
    .description('create the backup key pair: the private key goes to --out, to be kept offline')
    .requiredOption('--out <file>', 'where to write the private key (must not exist)')
    .action((options: { out: string }) => {
      const pair = newBackupKeyPair();
      writeFileSync(options.out, `${pair.privateKey}\n`, { mode: 0o600, flag: 'wx' });
      process.stdout.write(
        `${pair.publicKey}\nprivate key written to ${options.out}: move it offline; backups are sealed to the public key above\n`,
      );
    });

  program
    .command('restore')
    .description('restore a backup into a new data dir (and an empty PostgreSQL database)')
    .requiredOption('--from <file>', 'the backup file')
    .requiredOption('--key-file <file>', 'the backup private key, or - for standard input')
    .requiredOption('--data-dir <dir>', 'the data dir to create (must not exist, or be empty)')
    .action(async (options: { from: string; keyFile: string; dataDir: string }) => {
      const privateKey = readKey(options.keyFile);
      const summary = await withPostgres((postgres) =>
        restoreBackup({ from: options.from, privateKey, dataDir: options.dataDir, postgres }),
      );
      process.stdout.write(
        [
          `restored the backup of ${summary.createdAt} into ${options.dataDir}`,
          `  database: ${summary.restoredInto === 'sqlite' ? 'SQLite in the data dir' : 'PostgreSQL (DATABASE_URL)'}`,
          `  files: ${summary.files.join(', ')}`,
          '',
        ].join('\n'),
      );
    });
}

/** `habeas db copy`: moving an embedded instance to PostgreSQL is a command, not a code change. */
export function registerDbCopyCommand(db: Command): void {
  db.command('copy')
    .description('copy every table into an empty PostgreSQL database (stop the server first)')
    .requiredOption('--to <url>', 'postgres://… of the target database (or schema)')
    .action(async (options: { to: string }) => {
      if (!/^postgres(ql)?:\/\//.test(options.to)) {
        throw new BootError('--to must start with postgres:// or postgresql://');
      }
      const config = loadConfigOrFail();
      const source = await openStorage(config, { migrate: true });
      const target = openPostgresDatabase({ connectionString: options.to });
      try {
        const copied = await copyDatabase(source, target);
        const rows = [...copied.values()].reduce((sum, count) => sum + count, 0);
        process.stdout.write(
          [
            `copied ${rows} rows of ${copied.size} tables into PostgreSQL`,
            'Next: start Habeas with DATABASE_URL set to that database, and on every instance',
            ...[indexKeyFile, totpKeyFile].map(
              (keyFile) =>
                `  ${keyFile.variable} set to the content of ${path.join(config.HABEAS_DATA_DIR, keyFile.fileName)}`,
            ),
            '',
          ].join('\n'),
        );
      } catch (error) {
        throw asBootError(error);
      } finally {
        await target.close();
        await source.close();
      }
    });
}
