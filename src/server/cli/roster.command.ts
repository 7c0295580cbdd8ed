import { type Command, InvalidArgumentError } from 'commander';
import { findStaffUser } from '../../app/accounts/find-staff-user.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { addShift } from '../../app/roster/add-shift.ts';
import { readRoster } from '../../app/roster/read-roster.ts';
import type { Config } from '../config/env.ts';

type WithPorts = (action: (ports: Ports, config: Config) => Promise<void>) => Promise<void>;
type OrganisationOf = (ports: Ports, given: string | undefined) => Promise<string>;

const cli = { system: 'cli' } as const;

function instant(value: string): Date {
  // An offset is required: a shift at 20:00 means nothing without saying whose 20:00.
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(new Date(value).getTime()))
    throw new InvalidArgumentError('expected a time with its offset, e.g. 2026-11-30T20:00+03:00');
  return new Date(value);
}

/** `habeas roster`: putting someone on duty from the command line, and who is on duty now. */
export function registerRosterCommands(
  program: Command,
  withPorts: WithPorts,
  organisationOf: OrganisationOf,
): void {
  const roster = program.command('roster').description('the duty roster: who answers alerts');

  roster
    .command('add')
    .description('put a staff member on duty')
    .requiredOption('--email <email>', 'the staff member’s e-mail')
    .requiredOption('--from <time>', 'start, with offset (2026-11-30T08:00+03:00)', instant)
    .requiredOption('--to <time>', 'end, with offset', instant)
    .option('--region <region>', 'region the shift covers (default: every region)')
    .action(async (options: { email: string; from: Date; to: Date; region?: string }) =>
      withPorts(async (ports) => {
        const member = await findStaffUser(ports, { email: options.email });
        const shift = await addShift(ports, cli, {
          orgId: member.orgId,
          userId: member.userId,
          startsAt: options.from,
          endsAt: options.to,
          region: options.region ?? null,
        });
        process.stdout.write(`${shift.id}\n`);
      }),
    );

  roster
    .command('show')
    .description('who is on duty now, and the time nobody covers in the next seven days')
    .option('--org <id>', 'organisation id (default: the only one)')
    .action(async (options: { org?: string }) =>
      withPorts(async (ports) => {
        const orgId = await organisationOf(ports, options.org);
        const from = ports.clock.now();
        const view = await readRoster(ports, cli, {
          orgId,
          from,
          to: new Date(from.getTime() + 7 * 86_400_000),
        });
        const lines = [
          `on duty now: ${view.onDutyNow.map((member) => member.displayName).join(', ') || 'nobody'}`,
          `escalation after ${view.escalationMinutes} min`,
          ...view.shifts.map(
            (shift) =>
              `shift ${shift.startsAt.toISOString()} – ${shift.endsAt.toISOString()} ${shift.displayName}${shift.region === null ? '' : ` (${shift.region})`}`,
          ),
          ...view.gaps.map(
            (gap) => `not covered ${gap.from.toISOString()} – ${gap.to.toISOString()}`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
