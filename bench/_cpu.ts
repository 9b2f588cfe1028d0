/**
 * CPU time of this process (every thread: tesseract.js workers included)
 * and of its waited-for children (native tesseract processes), seconds.
 * Children's time comes from /proc/self/stat (cutime + cstime, Linux);
 * elsewhere it reads 0.
 */
import { readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ: 100 on every Linux Node supports

export function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(3) … cutime(16) cstime(17) → indices 13, 14
    return (Number(f[13]) + Number(f[14])) / TICK;
  } catch {
    return 0;
  }
}

export interface CpuMark {
  self: number;
  children: number;
}

export function cpuMark(): CpuMark {
  const u = process.cpuUsage();
  return { self: (u.user + u.system) / 1e6, children: childCpuSeconds() };
}

export function cpuSince(m: CpuMark): CpuMark & { total: number } {
  const n = cpuMark();
  const self = n.self - m.self;
  const children = n.children - m.children;
  return { self, children, total: self + children };
}
