import type { HabeasDatabase } from '../adapters/db/database.ts';
import { MigrationError, migrateToLatest } from '../adapters/db/migrate.ts';
import { DataDirError } from '../adapters/db/sqlite-database.ts';
import { type Config, loadConfig } from './config/env.ts';
import { openDatabase } from './container.ts';

/** A start-up failure with a message for the operator; the process exits with it. */
export class BootError extends Error {
  override readonly name = 'BootError';
}

export function loadConfigOrFail(): Config {
  const result = loadConfig();
  if (!result.ok) {
    throw new BootError(
      `Configuration problems:\n${result.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return result.config;
}

/** Opens the configured database and migrates it, turning every failure into a clear message. */
export async function openStorage(
  config: Config,
  options: { migrate: boolean },
): Promise<HabeasDatabase> {
  let database: HabeasDatabase;
  try {
    database = openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirError) {
      throw new BootError(
        `${error.message}\nCheck HABEAS_DATA_DIR (${config.HABEAS_DATA_DIR}): it must be a writable folder holding a Habeas database, or empty.`,
      );
    }
    throw error;
  }
  if (!options.migrate) return database;
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    if (error instanceof MigrationError) throw new BootError(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    throw new BootError(`cannot reach or prepare the database: ${reason}`);
  }
  return database;
}

/** Runs a program's main function; a BootError ends the process with its message and code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof BootError) {
      process.stderr.write(`habeas: ${error.message}\n`);
    } else {
      const name = error instanceof Error ? error.name : typeof error;
      process.stderr.write(`habeas: unexpected ${name}\n`);
      if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  });
}
