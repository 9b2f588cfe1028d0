/**
 * CPU time of this process (every thread: tesseract.js workers included)
 * and of its children (native tesseract processes: those waited for, and those
 * still running), seconds.
 * Children's time comes from /proc/self/stat (cutime + cstime, Linux);
 * elsewhere it reads 0.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // USER_HZ: 100 on every Linux Node supports

export function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(3) … cutime(16) cstime(17) → indices 13, 14
    return (Number(f[13]) + Number(f[14])) / TICK + liveChildrenCpu();
  } catch {
    return 0;
  }
}

/**
 * CPU of the children still running (the native engine's long-lived tesseract processes,
 * ocr/_native-server.ts): their own time and their waited-for children's, from
 * /proc/self/task/<thread>/children and /proc/<pid>/stat. A child that exits between two
 * marks moves from here into this process's cutime/cstime once waited for.
 */
function liveChildrenCpu(): number {
  let ticks = 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const t of tasks) {
    let kids: string[] = [];
    try {
      kids = readFileSync(`/proc/self/task/${t}/children`, 'latin1').trim().split(/\s+/).filter(Boolean);
    } catch {
      continue;
    }
    for (const pid of kids) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime(14) stime(15) cutime(16) cstime(17) → indices 11–14
        ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        // gone meanwhile: counted in cutime once waited for
      }
    }
  }
  return ticks / TICK;
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
