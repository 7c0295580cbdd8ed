import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentKinds } from '../../domain/documents/document-template.ts';
import { loadCurrentRulePack } from '../rules/rule-pack-loader.ts';
import {
  loadTemplates,
  TemplateError,
  templateFiles,
  templatesDir,
  templatesPath,
} from './template-files.ts';

function refusal(dir: URL): string[] {
  try {
    loadTemplates(dir);
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  return [];
}

describe('document templates on disk', () => {
  let dir: string;
  let url: URL;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'habeas-templates-'));
    cpSync(templatesPath(), dir, { recursive: true });
    url = pathToFileURL(`${dir}/`);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function rewrite(kind: string, change: (json: Record<string, unknown>) => void): void {
    const file = path.join(dir, kind, 'v1.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(file, JSON.stringify(json, null, 2));
  }

  it('loads a published template of every kind', () => {
    const templates = templateFiles(templatesDir);
    expect(templates.list().map((template) => template.kind)).toEqual([...documentKinds]);
    expect(templates.find('lawyer-access-complaint', 1)?.version).toBe(1);
    expect(templates.find('lawyer-access-complaint', 99)).toBeNull();
  });

  it('cites only rules and outcomes the rule pack has', () => {
    const { pack } = loadCurrentRulePack('ru-conscription');
    const known = new Set(
      pack.rules.flatMap((rule) => [
        rule.id,
        ...rule.versions.flatMap((version) => version.outcomes.map((o) => `${rule.id}/${o.id}`)),
      ]),
    );
    for (const template of templateFiles(templatesDir).list()) {
      for (const ref of template.cites) expect(known, `${template.kind}: ${ref}`).toContain(ref);
    }
  });

  it('refuses a template that names an unknown field, naming the field', () => {
    rewrite('detention-complaint', (json) => {
      (json.blocks as unknown[]).push({ type: 'paragraph', text: 'ИНН {{applicant.taxNumber}}.' });
    });
    const problems = refusal(url);
    expect(problems.some((problem) => problem.includes('applicant.taxNumber'))).toBe(true);
    expect(problems[0]).toMatch(/^detention-complaint\/v1\.json: applicant\.taxNumber: /u);
  });

  it('refuses a published version that was changed afterwards', () => {
    rewrite('lawyer-access-complaint', (json) => {
      json.purpose = { ru: 'Иначе', en: 'Otherwise' };
    });
    expect(refusal(url)).toContain(
      'lawyer-access-complaint/v1.json: differs from the published version: write a new version instead',
    );
  });

  it('does not mind formatting: the hash is of the content', () => {
    rewrite('lawyer-access-complaint', () => {});
    expect(refusal(url)).toEqual([]);
  });

  it('refuses a version that was never published', () => {
    const file = path.join(dir, 'lawyer-access-complaint', 'v2.json');
    const json = JSON.parse(
      readFileSync(path.join(dir, 'lawyer-access-complaint', 'v1.json'), 'utf8'),
    );
    writeFileSync(file, JSON.stringify({ ...json, version: 2 }));
    const [problem] = refusal(url);
    expect(problem).toMatch(/^lawyer-access-complaint\/v2\.json: not published/u);
  });
});
