/**
 * What a document costs to make: each of the seven templates filled from the seed story's facts
 * and rendered to DOCX and to PDF, timed per document from composition to finished bytes, against
 * the goals of ≤ 30 ms (DOCX) and ≤ 150 ms (PDF). Prints the figures of one run. Run with
 * `npm run bench:documents`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderDocx } from '../src/adapters/documents/docx-renderer.ts';
import { renderPdf } from '../src/adapters/documents/pdf-renderer.ts';
import { petrovichDeclineName } from '../src/adapters/documents/petrovich-names.ts';
import { templateFiles } from '../src/adapters/documents/template-files.ts';
import { cachedRulePacks } from '../src/adapters/rules/cached-rule-packs.ts';
import { composeDocument } from '../src/domain/documents/compose-document.ts';
import { documentFacts, valuesFromFacts } from '../src/domain/documents/document-facts.ts';
import { documentKinds } from '../src/domain/documents/document-template.ts';
import { evaluate } from '../src/domain/rules/evaluate.ts';

const rounds = 15;
const warmUp = 3;
const goals = { docx: 30, pdf: 150 } as const;

const facts = documentFacts.parse(
  JSON.parse(
    readFileSync(new URL('../docs/examples/seed-story.facts.json', import.meta.url), 'utf8'),
  ),
);
const templates = templateFiles();
const evaluated = evaluate(
  cachedRulePacks().current('ru-conscription'),
  facts.caseFacts ?? {},
  facts.asOf ?? '2025-10-18',
  {},
);
if (!evaluated.ok) throw new Error('the seed story is refused');
const { findings } = evaluated.evaluation;

/** One document from the template's values to its finished bytes. */
async function make(kind: (typeof documentKinds)[number], format: 'docx' | 'pdf'): Promise<number> {
  const template = templates.current(kind);
  const filled = valuesFromFacts(template, facts, findings, '2025-10-18');
  if (!filled.ok) throw new Error(`${kind}: ${filled.problems.map((p) => p.field).join(', ')}`);
  const composed = composeDocument(template, filled.values, petrovichDeclineName);
  if (!composed.ok) throw new Error(`${kind}: ${composed.problems.map((p) => p.field).join(', ')}`);
  const bytes =
    format === 'docx' ? await renderDocx(composed.document) : await renderPdf(composed.document);
  return bytes.length;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

for (const format of ['docx', 'pdf'] as const) {
  for (let round = 0; round < warmUp; round += 1) {
    for (const kind of documentKinds) await make(kind, format);
  }
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const kind of documentKinds) {
      const start = performance.now();
      bytes += await make(kind, format);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  const p95 = percentile(times, 0.95);
  process.stdout.write(
    `${format.toUpperCase()}: ${times.length} documents, mean ${mean.toFixed(1)} ms, p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms per document (goal ≤ ${goals[format]} ms: p95 at ${(p95 / goals[format]).toFixed(2)}× the goal), ${Math.round(bytes / times.length / 1024)} KB each\n`,
  );
}
process.stdout.write(
  `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}\n`,
);
