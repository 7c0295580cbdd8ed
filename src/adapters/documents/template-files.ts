import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentTemplates } from '../../app/ports/documents.ts';
import {
  checkDocumentTemplate,
  type DocumentKind,
  type DocumentTemplate,
  documentKinds,
  isDocumentKind,
} from '../../domain/documents/document-template.ts';
import { canonicalJson } from '../../domain/rules/canonical-json.ts';

/** content/templates/<kind>/v<N>.json, with the hash of every published version in published.json. */
export const templatesDir = new URL('../../../content/templates/', import.meta.url);

/** A template that must not be used; each problem names the file and the field. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`document templates refused:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/** SHA-256 of the template's canonical JSON: formatting does not change it, content does. */
export function templateHash(json: unknown): string {
  return createHash('sha256').update(canonicalJson(json), 'utf8').digest('hex');
}

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

/**
 * Reads every template under `dir` and refuses the whole set, naming each problem, when a
 * template fails its check (an unknown field is named), lies about its kind or version, is not
 * published, or differs from the version that was published: a published version never changes;
 * a change is a new version.
 */
export function loadTemplates(dir: URL = templatesDir): Map<DocumentKind, DocumentTemplate[]> {
  const problems: string[] = [];
  const publishedUrl = new URL('published.json', dir);
  const published = existsSync(publishedUrl)
    ? (readJson(publishedUrl) as Record<string, string>)
    : {};
  const byKind = new Map<DocumentKind, DocumentTemplate[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const kind = entry.name;
    if (!isDocumentKind(kind)) {
      problems.push(`${kind}: not a known kind of document`);
      continue;
    }
    for (const file of readdirSync(new URL(`${kind}/`, dir)).sort()) {
      const match = /^v(\d+)\.json$/u.exec(file);
      if (match === null) continue;
      const name = `${kind}/${file}`;
      let json: unknown;
      try {
        json = readJson(new URL(name, dir));
      } catch (error) {
        problems.push(`${name}: not valid JSON (${error instanceof Error ? error.message : ''})`);
        continue;
      }
      const checked = checkDocumentTemplate(json);
      if (!checked.ok) {
        problems.push(
          ...checked.problems.map((problem) => `${name}: ${problem.field}: ${problem.message.en}`),
        );
        continue;
      }
      const { template } = checked;
      if (template.kind !== kind || template.version !== Number(match[1])) {
        problems.push(`${name}: says it is ${template.kind} v${template.version}`);
        continue;
      }
      const key = `${kind}/v${template.version}`;
      const hash = templateHash(json);
      if (published[key] === undefined) {
        problems.push(`${name}: not published (add its hash ${hash} to published.json)`);
        continue;
      }
      if (published[key] !== hash) {
        problems.push(`${name}: differs from the published version: write a new version instead`);
        continue;
      }
      byKind.set(kind, [...(byKind.get(kind) ?? []), template]);
    }
  }
  for (const kind of documentKinds) {
    if (!byKind.has(kind)) problems.push(`${kind}: no published template`);
  }
  if (problems.length > 0) throw new TemplateError(problems);
  for (const versions of byKind.values()) versions.sort((a, b) => a.version - b.version);
  return byKind;
}

/** Templates are content shipped with the code: read and checked once per process. */
export function templateFiles(dir: URL = templatesDir): DocumentTemplates {
  let loaded: Map<DocumentKind, DocumentTemplate[]> | undefined;
  const all = () => {
    loaded ??= loadTemplates(dir);
    return loaded;
  };
  const current = (kind: DocumentKind): DocumentTemplate => {
    const template = all().get(kind)?.at(-1);
    if (template === undefined) throw new TemplateError([`${kind}: no published template`]);
    return template;
  };
  return {
    list: () => documentKinds.map(current),
    current,
    find: (kind, version) =>
      all()
        .get(kind)
        ?.find((t) => t.version === version) ?? null,
  };
}

/** Where the template files are, for the command that prints their hashes. */
export function templatesPath(): string {
  return fileURLToPath(templatesDir);
}
