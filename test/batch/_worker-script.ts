/**
 * The CLI entry bundled from source, for tests that run worker threads: a
 * thread loads one file in well under a second, where the tsx bootstrap
 * (running src/ directly) takes seconds per thread. Built once per test
 * process into node_modules/.cache, next to the packages it imports.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let built: Promise<URL> | null = null;
let outfile: string | null = null;

export function bundledWorkerScript(): Promise<URL> {
  built ??= (async () => {
    const dir = `${ROOT}node_modules/.cache/ita-extract-tests`;
    mkdirSync(dir, { recursive: true });
    const file = `${dir}/cli-${process.pid}-${Date.now()}.mjs`;
    outfile = file;
    await build({ entryPoints: [`${ROOT}src/cli/bin.ts`], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
    return pathToFileURL(file);
  })();
  return built;
}

/** Call in afterAll, once the threads are closed. */
export function removeBundledWorkerScript(): void {
  if (outfile) rmSync(outfile, { force: true });
  outfile = null;
  built = null;
}
