import { Cron } from "croner";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/connect.js";
import { runSweep, SWEEPS, type SweepContext } from "./sweeps.js";

/** Starts every sweep on its schedule in this process; returns a function that stops them. */
export function startScheduler(database: Database, log: FastifyBaseLogger, context: SweepContext): () => void {
  const jobs = SWEEPS.map(
    (sweep) =>
      new Cron(sweep.schedule, { protect: true }, async () => {
        const started = Date.now();
        try {
          const outcome = await runSweep(database, sweep, context);
          if (outcome.ran) log.info({ sweep: sweep.name, ms: Date.now() - started, result: outcome.result }, "sweep done");
        } catch (err) {
          log.error({ err, sweep: sweep.name }, "sweep failed");
        }
      }),
  );
  return () => jobs.forEach((job) => job.stop());
}
