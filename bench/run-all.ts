/**
 * `npm run bench`: runs every bench/*.bench.ts one after another (each alone on the machine, as
 * far as this process can see to it), shows its output as it comes, and writes the figures,
 * with the date and the machine they came from, into docs/benchmarks.md between its markers.
 * Each benchmark prints one block: a first line `name: headline` and indented details.
 * `npm run bench -- sealing intake` runs only those, and rewrites only their rows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(root, 'bench');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const begin = '<!-- figures:begin (written by npm run bench) -->';
const end = '<!-- figures:end -->';

type Outcome = { file: string; code: number | null; seconds: number; output: string };

function run(file: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      resolve({ file, code, seconds: (performance.now() - started) / 1000, output }),
    );
  });
}

/** The benchmark's blocks: headline lines and the indented lines under each. */
function blocksOf(output: string): { headline: string; details: string[] }[] {
  const blocks: { headline: string; details: string[] }[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\S[^:]*: /.test(line)) blocks.push({ headline: line.trim(), details: [] });
    else blocks.at(-1)?.details.push(line.trim());
  }
  return blocks;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  const [load1 = 0] = os.loadavg();
  return `${cpus.length} cores (${model}), ${memory} GB, Node ${process.versions.node}, load ${load1.toFixed(1)} at the start`;
}

function rowOf(outcome: Outcome, startedAt: Date, machineLine: string): string {
  const name = outcome.file.replace('.bench.ts', '');
  const figure =
    outcome.code === 0
      ? blocksOf(outcome.output)
          .map((block) => [block.headline, ...block.details].join('; '))
          .join('<br>')
      : `failed (exit code ${outcome.code})`;
  const when = `${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `| ${name} | \`npm run bench:${name}\` | ${cell(figure)} | ${when}, ${machineLine}, ${outcome.seconds.toFixed(0)} s |`;
}

/** The table between the markers, with the rows of this run replacing their earlier ones. */
function figures(previous: string, rows: Map<string, string>): string {
  const kept = new Map<string, string>();
  for (const line of previous.split('\n')) {
    const name = /^\|\s*([\w-]+)\s*\|\s*`npm run bench:/.exec(line)?.[1];
    if (name !== undefined) kept.set(name, line);
  }
  for (const [name, row] of rows) kept.set(name, row);
  return [
    begin,
    '',
    '| benchmark | command | figures (ratio first) | measured |',
    '| --------- | ------- | --------------------- | -------- |',
    ...[...kept.keys()].sort().map((name) => kept.get(name)),
    '',
    end,
  ].join('\n');
}

const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.includes(file.replace('.bench.ts', '')))
  .sort();
if (benches.length === 0) throw new Error(`no benchmark named ${only.join(', ')}`);
const startedAt = new Date();
const machineLine = machine();
const rows = new Map<string, string>();
let failed = false;
for (const file of benches) {
  process.stdout.write(`\n== ${file}\n`);
  const outcome = await run(file);
  failed ||= outcome.code !== 0;
  rows.set(file.replace('.bench.ts', ''), rowOf(outcome, startedAt, machineLine));
}

const doc = readFileSync(docPath, 'utf8');
const from = doc.indexOf(begin);
const to = doc.indexOf(end);
const previous = from === -1 || to === -1 ? '' : doc.slice(from, to);
const generated = figures(previous, rows);
writeFileSync(
  docPath,
  from === -1 || to === -1
    ? `${doc.trimEnd()}\n\n## Figures\n\n${generated}\n`
    : `${doc.slice(0, from)}${generated}${doc.slice(to + end.length)}`,
);
// The table as Biome would format it, so that the lint stays green.
spawnSync(path.join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', docPath], {
  cwd: root,
  stdio: 'inherit',
});
process.stdout.write(`\nwrote ${path.relative(root, docPath)}\n`);
if (failed) process.exitCode = 1;
