/**
 * Worker scripts bundled from source, for tests that run worker threads: a
 * thread loads one file in well under a second, where the tsx bootstrap
 * (running src/ directly) takes seconds per thread. Built once per test
 * process and entry into node_modules/.cache, next to the packages it imports.
 * The default entry is the CLI's (src/cli/bin.ts); test/batch/_test-worker.ts
 * adds jobs that hang or grow by construction.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const built = new Map<string, Promise<URL>>();
const outfiles: string[] = [];

export function bundledWorkerScript(entry = 'src/cli/bin.ts'): Promise<URL> {
  let url = built.get(entry);
  if (!url) {
    url = (async () => {
      const dir = `${ROOT}node_modules/.cache/ita-extract-tests`;
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/${entry.replace(/\W+/g, '-')}-${process.pid}-${Date.now()}.mjs`;
      outfiles.push(file);
      await build({ entryPoints: [`${ROOT}${entry}`], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
      return pathToFileURL(file);
    })();
    built.set(entry, url);
  }
  return url;
}

/** The worker script of test/batch/_test-worker.ts. */
export const testWorkerScript = () => bundledWorkerScript('test/batch/_test-worker.ts');

/** Call in afterAll, once the threads are closed. */
export function removeBundledWorkerScript(): void {
  for (const f of outfiles.splice(0)) rmSync(f, { force: true });
  built.clear();
}
