/**
 * Where the time goes inside a synchronous-heavy piece of work, without
 * touching the sources: V8's sampling profiler (node:inspector) runs while
 * `fn` does, and each sample is attributed to the named functions on its
 * stack (inclusive: a sample counts for every named function it is under).
 */
import { Session } from 'node:inspector/promises';

export interface ProfileShares {
  /** Sampled milliseconds. */
  totalMs: number;
  /** Function name → share (0–1) of the samples under it (inclusive). */
  inclusive: Map<string, number>;
  /** "file.ts:function" → share (0–1) of the samples on top of the stack (self time), the larger ones. */
  self: Array<[string, number]>;
  /** Area → share (0–1) of self time, areas told by the script's URL (first match; "other" for the rest). */
  areas: Array<[string, number]>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Profiles `fn` (1 sample per `intervalUs`), reporting the shares of `names`. */
export async function profileShares(
  fn: () => Promise<void> | void,
  names: readonly string[],
  intervalUs = 200,
  areas: ReadonlyArray<[string, RegExp]> = [],
): Promise<ProfileShares> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    await fn();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const wanted = new Set(names);
    const incl = new Map<string, number>(names.map((n) => [n, 0]));
    const self = new Map<string, number>();
    const byArea = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      const leaf = nodes.get(id);
      const frame = leaf?.callFrame;
      // the profiler's own bookkeeping and idle time are not the work's
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        if (nodes.get(cur)?.callFrame.url.startsWith('node:inspector')) return;
      }
      total += dt;
      const file = frame.url.startsWith('data:') ? 'pdf.worker' : frame.url.split('/').pop() || '(native)';
      const key = `${file}:${frame.functionName || '(anonymous)'}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const area = areas.find(([, re]) => re.test(frame.url))?.[0] ?? 'other';
      byArea.set(area, (byArea.get(area) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const name = nodes.get(cur)?.callFrame.functionName ?? '';
        if (wanted.has(name) && !seen.has(name)) {
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + dt);
        }
      }
    });
    const t = Math.max(1, total);
    return {
      totalMs: total / 1000,
      inclusive: new Map([...incl].map(([k, v]) => [k, v / t])),
      self: [...self].map(([k, v]): [string, number] => [k, v / t]).sort((a, b) => b[1] - a[1]).slice(0, 12),
      areas: [...byArea].map(([k, v]): [string, number] => [k, v / t]).sort((a, b) => b[1] - a[1]),
    };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}
