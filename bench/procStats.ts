import { readdirSync, readFileSync } from "node:fs";

/** USER_HZ: /proc reports CPU time in 1/100 s. */
export const TICK_MS = 1000 / 100;

/** This process's resident memory, in MB. */
export const rssMb = () => process.memoryUsage().rss / 2 ** 20;

export interface PostgresProcess {
  pid: number;
  /** Its title as `ps` shows it (the database a backend works for, or the background role). */
  title: string;
  /** The postmaster: what it collected from its exited children is counted as its own. */
  postmaster: boolean;
  /** utime + stime, in ticks. */
  ticks: number;
  /** cutime + cstime, in ticks: the exited children the process collected. */
  childTicks: number;
}

/** The PostgreSQL server's processes on this machine, read from /proc. */
export function postgresProcesses(): PostgresProcess[] {
  const found: PostgresProcess[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (name !== "postgres" && name !== "postmaster") continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      found.push({
        pid: Number(pid),
        title: cmdline.replace(/\0/g, " "),
        postmaster: cmdline.includes("\0-D\0"),
        ticks: Number(f[11]) + Number(f[12]),
        childTicks: Number(f[13]) + Number(f[14]),
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/**
 * CPU used so far by PostgreSQL's processes: each live process's own time, plus what the
 * postmaster collected from the children that exited (parallel workers, closed connections).
 */
export function postgresCpuMs(): number {
  return postgresProcesses().reduce((sum, p) => sum + p.ticks + (p.postmaster ? p.childTicks : 0), 0) * TICK_MS;
}
