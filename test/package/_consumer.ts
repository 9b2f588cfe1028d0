/**
 * The temporary consumer project of packed.test.ts: its package.json and a
 * lockfile that pins every dependency to what the repository's own lockfile
 * holds (so `npm ci --offline` installs it from the npm cache `npm ci` filled,
 * without asking the registry for package metadata), and the files that use
 * the package the ways the README shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

/** package.json and package-lock.json of a project that depends on the tarball `tgz` (a file name in the project). */
export function consumerProject(repoRoot: string, tgz: string, tgzBytes: Uint8Array): { packageJson: string; lockfile: string } {
  const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(`${repoRoot}/package-lock.json`, 'utf8')) as { packages: Record<string, LockEntry> };
  const root = { name: 'ita-extract-consumer', version: '1.0.0', private: true, dependencies: { 'ita-extract': `file:${tgz}` } };
  const packages: Record<string, unknown> = {
    '': { name: root.name, version: root.version, dependencies: root.dependencies },
    'node_modules/ita-extract': {
      version: pkg.version,
      resolved: `file:${tgz}`,
      integrity: `sha512-${createHash('sha512').update(tgzBytes).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  // the repository's tree without its dev-only packages is the tree the package's own dependencies need
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  return {
    packageJson: `${JSON.stringify(root, null, 2)}\n`,
    lockfile: `${JSON.stringify({ name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  };
}

/** What each script prints about a document: the facts the expected files state. */
const SUMMARY = `(d) => ({
  status: d.status,
  organization: d.organization,
  fiscalYear: d.fiscalYear?.be ?? null,
  overallScore: d.assessment?.overallScore ?? null,
  entries: d.entries.length,
})`;

/** ESM: argv = text fixture, PDF fixture; prints a JSON summary. */
export const ESM_SCRIPT = `import { readFileSync } from 'node:fs';
import { extract, extractFile } from 'ita-extract';
import { jsonSchema } from 'ita-extract/schema';
import schema from 'ita-extract/schema.json' with { type: 'json' };
const summary = ${SUMMARY};
const [text, pdf] = process.argv.slice(2);
console.log(JSON.stringify({
  text: summary(await extract(readFileSync(text, 'utf8'), { fileName: 'report.txt' })),
  pdf: summary(await extractFile(pdf)),
  schemaId: jsonSchema.$id,
  schemaFileSame: JSON.stringify(schema) === JSON.stringify(jsonSchema),
}));
`;

/** CommonJS: the same, by require(). */
export const CJS_SCRIPT = `const { readFileSync } = require('node:fs');
const { extract, extractFile } = require('ita-extract');
const { jsonSchema } = require('ita-extract/schema');
const schema = require('ita-extract/schema.json');
const summary = ${SUMMARY};
const [text, pdf] = process.argv.slice(2);
(async () => {
  console.log(JSON.stringify({
    text: summary(await extract(readFileSync(text, 'utf8'), { fileName: 'report.txt' })),
    pdf: summary(await extractFile(pdf)),
    schemaId: jsonSchema.$id,
    schemaFileSame: JSON.stringify(schema) === JSON.stringify(jsonSchema),
  }));
})();
`;

/**
 * TypeScript consumers. Each `@ts-expect-error` fails the check when the
 * types it guards are missing (any) or wrong, so a passing tsc means the
 * package's types resolved.
 */
const TS_BODY = `const doc: ItaDocument = await extract('text', { fileName: 'report.txt', ocr: 'never' });
const file = ItaDocumentSchema.parse(await extractFile('report.pdf'));
export const year: number | undefined = doc.fiscalYear?.be;
export const names: Array<string | undefined> = [doc.organization?.name, file.organization?.name];
export const id: string = jsonSchema.$id;
export const draft: string = schema.$schema;
// @ts-expect-error the options are typed: there is no 'fileNmae'
await extract('text', { fileNmae: 'report.txt' });
// @ts-expect-error a document is not a string
export const notAString: string = doc;
`;

export const TS_ESM = `import { extract, extractFile, ItaDocumentSchema, type ItaDocument } from 'ita-extract';
import { jsonSchema } from 'ita-extract/schema';
import schema from 'ita-extract/schema.json' with { type: 'json' };
${TS_BODY}`;

export const TS_CJS = `import { extract, ItaDocumentSchema, type ItaDocument } from 'ita-extract';
import { jsonSchema } from 'ita-extract/schema';
export async function run(): Promise<string | undefined> {
  const doc: ItaDocument = ItaDocumentSchema.parse(await extract('text', { fileName: 'report.txt' }));
  // @ts-expect-error the options are typed: there is no 'fileNmae'
  await extract('text', { fileNmae: 'report.txt' });
  return doc.organization?.name;
}
export const id: string = jsonSchema.$id;
`;

export function tsconfig(typeRoots: string, mode: 'nodenext' | 'bundler', files: string[]): string {
  const module = mode === 'nodenext' ? { module: 'nodenext', moduleResolution: 'nodenext' } : { module: 'esnext', moduleResolution: 'bundler' };
  const compilerOptions = {
    ...module,
    target: 'es2022',
    lib: ['es2023'],
    strict: true,
    noEmit: true,
    resolveJsonModule: true,
    // checking @types/node and zod costs 20-30 s; the package's own types are held by the @ts-expect-error lines
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [typeRoots],
  };
  return `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`;
}
