/**
 * Injected into the CommonJS bundle only (see tsup.config.ts), where esbuild
 * replaces `import.meta.url` with `importMetaUrl`: the file URL of the bundle
 * itself, as `import.meta.url` is in the ESM build. Without it, a top-level
 * `createRequire(import.meta.url)` makes `require('ita-extract')` throw.
 */
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
