import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findStaffUser } from '../../app/accounts/find-staff-user.ts';
import { setEscrowKey } from '../../app/organisations/init-escrow.ts';
import { restoreAccessFromEscrow } from '../../app/organisations/restore-access-from-escrow.ts';
import { rotateCaseKeys } from '../../app/organisations/rotate-case-keys.ts';
import type { Ports } from '../../app/ports/ports.ts';
import type { Config } from '../config/env.ts';

type WithPorts = (action: (ports: Ports, config: Config) => Promise<void>) => Promise<void>;
type OrganisationOf = (ports: Ports, given: string | undefined) => Promise<string>;

/** The escrow private key comes from a file or standard input (`-`), never from configuration. */
function readKey(source: string): string {
  return readFileSync(source === '-' ? 0 : source, 'utf8').trim();
}

/** Writes a new private key to a file that must not exist yet, readable by its owner only. */
function writeKey(file: string, privateKey: string): void {
  writeFileSync(file, `${privateKey}\n`, { mode: 0o600, flag: 'wx' });
}

export function registerEscrowCommands(
  program: Command,
  withPorts: WithPorts,
  organisationOf: OrganisationOf,
): void {
  const escrow = program
    .command('escrow')
    .description('the organisation’s escrow key: recovers sealed cases when staff keys are lost');

  escrow
    .command('init')
    .description('create the escrow key pair; the private key goes to --out, to be kept offline')
    .requiredOption('--out <file>', 'where to write the private key (must not exist)')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { out: string; org?: string }) =>
      withPorts(async (ports) => {
        const orgId = await organisationOf(ports, options.org);
        const created = await setEscrowKey(ports, { orgId });
        writeKey(options.out, created.privateKey);
        process.stdout.write(
          `escrow public key ${created.publicKey}\nprivate key written to ${options.out}: move it offline\n`,
        );
      }),
    );

  escrow
    .command('rotate')
    .description('replace the escrow key pair, re-sealing every case to the new one')
    .requiredOption('--key-file <file>', 'the current escrow private key, or - for standard input')
    .requiredOption('--out <file>', 'where to write the new private key (must not exist)')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { keyFile: string; out: string; org?: string }) =>
      withPorts(async (ports) => {
        const orgId = await organisationOf(ports, options.org);
        const rotated = await setEscrowKey(ports, {
          orgId,
          previousPrivateKey: readKey(options.keyFile),
        });
        writeKey(options.out, rotated.privateKey);
        process.stdout.write(`re-sealed ${rotated.resealedCases} cases to the new escrow key\n`);
      }),
    );

  escrow
    .command('restore')
    .description(
      'after a password reset, re-seal to the staff member’s new key the cases he is entitled to',
    )
    .requiredOption('--email <email>', 'the staff member’s e-mail')
    .requiredOption('--key-file <file>', 'the escrow private key, or - for standard input')
    .action(async (options: { email: string; keyFile: string }) =>
      withPorts(async (ports) => {
        const target = await findStaffUser(ports, { email: options.email });
        const restored = await restoreAccessFromEscrow(ports, {
          ...target,
          escrowPrivateKey: readKey(options.keyFile),
        });
        process.stdout.write(`restored access to ${restored.restoredCases} cases\n`);
      }),
    );

  program
    .command('keys')
    .description('data keys')
    .command('rotate')
    .description('give every case a new data key, one case at a time, while the server runs')
    .requiredOption('--key-file <file>', 'the escrow private key, or - for standard input')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { keyFile: string; org?: string }) =>
      withPorts(async (ports) => {
        const orgId = await organisationOf(ports, options.org);
        const rotated = await rotateCaseKeys(ports, {
          orgId,
          escrowPrivateKey: readKey(options.keyFile),
        });
        process.stdout.write(`rotated the keys of ${rotated.rotatedCases} cases\n`);
      }),
    );
}
