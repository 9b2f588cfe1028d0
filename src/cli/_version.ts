/**
 * The package's version, for --version: read from the package.json found
 * walking up from this module (src/cli/ when run from source, dist/ when
 * built, node_modules/ita-extract/dist/ when installed), so it is always the
 * version of the code that runs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'ita-extract' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // none here, or not readable: look further up
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}
