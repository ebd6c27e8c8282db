import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux nearly everywhere). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const n = Number(r.stdout?.trim());
    ticksPerSecond = Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticksPerSecond;
}

/**
 * CPU milliseconds (user + system, every thread) the process `pid` has used so far, from its own
 * counters in /proc/<pid>/stat; null where there is no /proc (the bench then reports no CPU figures).
 * Read from outside the server, so measuring costs the server nothing.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : null;
  } catch {
    return null;
  }
}

/** A CPU reader for one process, or one that always answers null. */
export type CpuReader = () => number | null;
export const cpuReader =
  (pid: number | undefined): CpuReader =>
  () =>
    processCpuMs(pid);
export const noCpu: CpuReader = () => null;
