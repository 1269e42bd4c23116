// Resident memory of process trees, as the kernel counts it. V8's heap limits do not see decoded
// images, WebAssembly memory, Buffers or native parsers, nor the programs a worker starts
// (LibreOffice), so the pool bounds each worker by the resident memory of its whole tree.
// Read from /proc (Linux); elsewhere nothing is known and only the heap limits apply.
import { readFileSync } from "node:fs";

const PAGE_BYTES = 4096;

/** Given a process id, return its resident memory in bytes, or null when it cannot be read. */
export function processRssBytes(pid: number): number | null {
  try {
    // statm: size resident shared text lib data dt, in pages.
    const resident = Number(readFileSync(`/proc/${pid}/statm`, "latin1").split(" ")[1]);
    return Number.isFinite(resident) ? resident * PAGE_BYTES : null;
  } catch {
    return null;
  }
}

/** Given a process id, return the ids of its children (every thread's), or none when unknown. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Given a process id, return it and all its descendants, parents first (at most `limit` of them). */
export function processTree(pid: number, limit = 256): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length && tree.length < limit; i++) tree.push(...childPids(tree[i]!));
  return tree.slice(0, limit);
}

/** Given a process id, return the resident memory of it and its descendants in bytes (0 when unknown). */
export function treeRssBytes(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + (processRssBytes(p) ?? 0), 0);
}

/** Whether resident memory can be read here (Linux /proc). */
export const canMeasureRss = processRssBytes(process.pid) !== null;

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux everywhere). */
const TICKS_PER_SECOND = 100;

/** Given a process id, return the CPU time it has spent (user and system, all threads) in ms, or 0 when unknown. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
