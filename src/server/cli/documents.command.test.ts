import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { capturedOutput } from '../../../test/support/command-capture.ts';
import { pdfText } from '../../../test/support/document-text.ts';
import { seedStoryFacts, seedStoryFactsFile } from '../../../test/support/seed-story.ts';
import { documentTools, rulePacks } from '../container.ts';
import { registerDocumentCommands } from './documents.command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'habeas-documents-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function runDocuments(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const { output, result } = capturedOutput();
  const program = new Command('habeas')
    .exitOverride()
    .configureOutput({ writeErr: (text) => output.err(text) });
  registerDocumentCommands(program, { documents: documentTools(), rulePacks: rulePacks() }, output);
  await program.parseAsync(['documents', ...args], { from: 'user' });
  return result;
}

describe('habeas documents render', () => {
  it('writes complaint 2 as a PDF from the seed story’s facts file', async () => {
    const out = path.join(dir, 'complaint.pdf');
    const result = await runDocuments([
      'render',
      '--template',
      'lawyer-access-complaint',
      '--facts',
      seedStoryFactsFile.pathname,
      '--out',
      out,
    ]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const text = pdfText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('Примеров Иван Сергеевич');
    expect(text).toContain('ст. 48 Конституции');
  });

  it('names every missing field and writes nothing', async () => {
    const facts = seedStoryFacts();
    const { 'applicant.fullName': _name, 'centre.name': _centre, ...rest } = facts.values;
    const factsFile = path.join(dir, 'incomplete.json');
    writeFileSync(factsFile, JSON.stringify({ ...facts, values: rest }));
    const out = path.join(dir, 'never.docx');
    const result = await runDocuments([
      'render',
      '--template',
      'lawyer-access-complaint',
      '--facts',
      factsFile,
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('applicant.fullName: Missing');
    expect(result.err).toContain('centre.name: Missing');
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses an unknown template kind and an output that is neither .docx nor .pdf', async () => {
    await expect(
      runDocuments(['render', '--template', 'x', '--facts', 'f', '--out', 'o.pdf']),
    ).rejects.toThrow(/expected one of/u);
    const result = await runDocuments([
      'render',
      '--template',
      'detention-complaint',
      '--facts',
      seedStoryFactsFile.pathname,
      '--out',
      path.join(dir, 'complaint.txt'),
    ]);
    expect(result.code).toBe(2);
  });

  it('lists the templates with their versions', async () => {
    const result = await runDocuments(['templates']);
    expect(result.out.split('\n').filter(Boolean)).toHaveLength(7);
    expect(result.out).toContain('lawyer-access-complaint\tv1\t');
  });
});
