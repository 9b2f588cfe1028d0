/**
 * The connection: a pg pool from the --db URL, or, without one, from the PG*
 * environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
 * PGSSLMODE), which pg reads itself. Credentials come from nowhere else, and
 * no message this module builds carries them: redact() masks a URL's
 * password, and the password itself, wherever it appears.
 */
import pg from 'pg';

export interface DbConfig {
  /** postgres://user:password@host:port/db?sslmode=…; null: the PG* environment variables. */
  url: string | null;
  /** Most connections this process opens. */
  max?: number;
}

/** The secrets a message must never show: the URL's password and PGPASSWORD. */
function secrets(url: string | null): string[] {
  const out: string[] = [];
  if (url) {
    try {
      const u = new URL(url);
      if (u.password) out.push(u.password, decodeURIComponent(u.password));
      const q = u.searchParams.get('password');
      if (q) out.push(q);
    } catch {
      // not a URL: nothing to take from it; the pattern below still masks user:pass@
    }
  }
  if (process.env.PGPASSWORD) out.push(process.env.PGPASSWORD);
  return out.filter((s) => s.length > 0);
}

/** The text with every password masked: `scheme://user:***@`, `password=***`, and the password's own text. */
export function redact(text: string, url: string | null = null): string {
  let s = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@\s]*@/gi, '$1***@').replace(/(password=)[^&\s]*/gi, '$1***');
  for (const secret of secrets(url).sort((a, b) => b.length - a.length)) s = s.split(secret).join('***');
  return s;
}

/** Where the pool connects, for messages: the URL without its password, or "the PG* environment". */
export function describeTarget(url: string | null): string {
  if (!url) return `the PG* environment (${process.env.PGHOST ?? 'localhost'}${process.env.PGPORT ? `:${process.env.PGPORT}` : ''})`;
  return redact(url, url);
}

export function errorText(e: unknown, url: string | null): string {
  const err = e as { message?: string; code?: string } | null;
  const msg = err?.message || (err?.code ? `error ${err.code}` : String(e));
  return redact(msg, url);
}

export function createPool(c: DbConfig, onError: (message: string) => void): pg.Pool {
  const pool = new pg.Pool({
    ...(c.url ? { connectionString: c.url } : {}),
    max: c.max ?? 4,
    application_name: 'ita-extract',
    connectionTimeoutMillis: 10_000,
  });
  // an idle client whose server went away (a restart): the pool drops it and the next query reconnects
  pool.on('error', (e) => onError(errorText(e, c.url)));
  return pool;
}

/** Errors worth waiting out (the server restarting, a dropped connection), as opposed to a bad query. */
export function isTransient(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  const code = err?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300'].includes(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|terminating connection/i.test(err?.message ?? '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` again while the database is unreachable (a restart, a failover),
 * waiting 0.25 s, 0.5 s, … up to 5 s between tries, for at most `patienceMs`.
 */
export async function withReconnect<T>(fn: () => Promise<T>, opts: { patienceMs?: number; onWait?: (message: string) => void } = {}): Promise<T> {
  const deadline = Date.now() + (opts.patienceMs ?? 120_000);
  let wait = 250;
  for (let tries = 0; ; tries++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransient(e) || Date.now() + wait > deadline) throw e;
      if (tries === 0) opts.onWait?.(String((e as Error)?.message ?? e));
      await sleep(wait);
      wait = Math.min(5000, wait * 2);
    }
  }
}
