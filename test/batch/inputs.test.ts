/**
 * Command-line inputs → documents: folders, patterns, archives, in order.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInputs, planInputs } from '../../src/batch/inputs.js';
import { DEFAULT_LIMITS, type Input } from '../../src/batch/types.js';
import { zip } from './_zip.js';

let dir = '';
const rel = (p: string) => relative(dir, p.split('!/')[0]!) + (p.includes('!/') ? `!/${p.split('!/').slice(1).join('!/')}` : '');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-inputs-'));
  const files: Record<string, string | Buffer> = {
    'reports/b.txt': 'b',
    'reports/a.pdf': 'a',
    'reports/2567/c.docx': 'c',
    'reports/2567/ภาพ.jpg': 'x',
    'reports/.hidden/d.txt': 'd',
    'reports/.e.txt': 'e',
    'reports/bundle.zip': zip([{ name: 'in/one.txt', data: '1' }, { name: 'two.md', data: '2' }, { name: 'inner.zip', data: zip([{ name: 'x.txt', data: 'x' }, { name: 'y.txt', data: 'y' }]) }]),
    'empty/notes.xlsx': 'x',
    'loose.html': '<p>x</p>',
    'odd.name': 'x',
  };
  for (const [p, data] of Object.entries(files)) {
    await mkdir(join(dir, p, '..'), { recursive: true });
    await writeFile(join(dir, p), data);
  }
  await symlink(join(dir, 'reports'), join(dir, 'reports', 'loop'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all(args: string[], exclude: string[] = [], followSymlinks = false) {
  const skipped: string[] = [];
  let recount = 0;
  const hooks = { onSkip: (p: string) => skipped.push(rel(p)), onRecount: (d: number) => (recount += d) };
  const plan = await planInputs(args, { exclude, hooks, followSymlinks });
  const got: Input[] = [];
  for await (const i of openInputs(plan, DEFAULT_LIMITS, hooks)) got.push(i);
  return { plan, got, paths: got.map((i) => `${rel(i.path)}${i.kind === 'failed' ? ` ${i.code}` : ''}`), skipped, recount };
}

describe('planInputs / openInputs', () => {
  it('walks a folder depth first by name, leaving out hidden entries, symlinked folders and non-documents', async () => {
    const r = await all([join(dir, 'reports')]);
    expect(r.paths).toEqual([
      'reports/2567/c.docx',
      'reports/a.pdf',
      'reports/b.txt',
      'reports/bundle.zip!/in/one.txt',
      'reports/bundle.zip!/two.md',
      'reports/bundle.zip!/inner.zip!/x.txt',
      'reports/bundle.zip!/inner.zip!/y.txt',
    ]);
    expect(r.skipped).toEqual(['reports/loop', 'reports/2567/ภาพ.jpg']);
    // the plan counted the nested archive as one; opening it added one
    expect(r.plan.total).toBe(6);
    expect(r.recount).toBe(1);
  });

  it('expands glob patterns (sorted), keeps named files whatever their extension, and keeps missing paths for their error record', async () => {
    const r = await all([join(dir, 'reports/**/*.{txt,docx}'), join(dir, 'odd.name'), join(dir, 'missing.pdf')]);
    expect(r.paths).toEqual(['reports/2567/c.docx', 'reports/b.txt', 'odd.name', 'missing.pdf']);
    expect(r.got.map((i) => i.kind)).toEqual(['file', 'file', 'file', 'file']);
  });

  it('gives a pattern without matches and a folder without documents one error input each', async () => {
    const r = await all([join(dir, 'nothing/*.pdf'), join(dir, 'empty')]);
    expect(r.paths).toEqual(['nothing/*.pdf READ_FAILED', 'empty EMPTY_INPUT']);
  });

  it('lists a file once when named twice or also found in a folder, and never the output files', async () => {
    const r = await all([join(dir, 'loose.html'), join(dir, 'reports/b.txt'), join(dir, 'reports'), join(dir, 'loose.html')], [join(dir, 'reports/a.pdf')]);
    expect(r.paths.slice(0, 3)).toEqual(['loose.html', 'reports/b.txt', 'reports/2567/c.docx']);
    expect(r.paths.filter((p) => p === 'reports/b.txt' || p === 'loose.html')).toHaveLength(2);
    expect(r.paths).not.toContain('reports/a.pdf');
  });

  describe('symbolic links in folders', () => {
    beforeAll(async () => {
      const L = (p: string) => join(dir, 'links', p);
      for (const [p, data] of Object.entries({ 'in/a.txt': 'a', 'in/sub/b.txt': 'b', 'outside/secret.txt': 's', 'outside/pic.jpg': 'p', 'outside/deeper/c.txt': 'c' })) {
        await mkdir(join(L(p), '..'), { recursive: true });
        await writeFile(L(p), data);
      }
      await symlink(L('in/sub'), L('in/to-sub'));
      await symlink(L('in/a.txt'), L('in/to-a.txt'));
      await symlink(L('in'), L('in/up')); // a loop to the folder itself
      await symlink(L('outside/secret.txt'), L('in/out-file.txt'));
      await symlink(L('outside'), L('in/out-dir'));
      await symlink(L('outside/pic.jpg'), L('in/out-pic.jpg'));
      await symlink(L('nowhere.txt'), L('in/broken.txt'));
      await symlink(L('outside'), L('outside/deeper/loop')); // a loop outside, met only when following
    });

    it('without --follow-symlinks: a link leading out of the folder is one UNSAFE_LINK record, never read', async () => {
      const r = await all([join(dir, 'links/in')]);
      expect(r.paths).toEqual(['links/in/a.txt', 'links/in/broken.txt', 'links/in/out-dir UNSAFE_LINK', 'links/in/out-file.txt UNSAFE_LINK', 'links/in/sub/b.txt']);
      const refused = r.got.find((i) => i.path.endsWith('out-dir'));
      expect(refused?.kind === 'failed' && refused.message).toBe(`a symbolic link to a folder outside the folder (${join(dir, 'links/outside')}): not followed; --follow-symlinks follows links`);
      // a link inside the folder leads to what is read anyway; a link to a non-document is left out like any file
      expect(r.skipped).toEqual(['links/in/to-sub', 'links/in/up', 'links/in/out-pic.jpg']);
    });

    it('with --follow-symlinks: links are followed, every real file read once, and loops end', async () => {
      const r = await all([join(dir, 'links/in')], [], true);
      expect(r.paths).toEqual(['links/in/a.txt', 'links/in/broken.txt', 'links/in/out-dir/deeper/c.txt', 'links/in/out-dir/secret.txt', 'links/in/sub/b.txt']);
      expect(r.skipped).toEqual(['links/in/out-dir/deeper/loop', 'links/in/to-sub', 'links/in/up', 'links/in/out-dir/pic.jpg', 'links/in/out-pic.jpg']);
    });
  });
});
