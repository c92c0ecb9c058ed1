import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields counted from after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The ids of this machine's PostgreSQL server processes (the postmaster and every backend). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds of a changing set of processes between two moments: the ones that came and went are counted too. */
export class CpuMeter {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly pids: () => number[]) {
    for (const pid of pids()) this.start.set(pid, processCpuSeconds(pid));
  }

  /** Called now and then while the work runs, so a short-lived process's time is seen before it exits. */
  sample(): void {
    for (const pid of this.pids()) {
      if (!this.start.has(pid)) this.start.set(pid, 0);
      this.last.set(pid, processCpuSeconds(pid));
    }
  }

  /** CPU seconds used since the meter was made. */
  seconds(): number {
    this.sample();
    let total = 0;
    for (const [pid, used] of this.last) total += Math.max(0, used - (this.start.get(pid) ?? 0));
    return total;
  }
}
