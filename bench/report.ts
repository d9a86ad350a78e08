import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./serverProcess.js";

/** Shared pieces of the Markdown reports in bench/RESULTS.md. */

export const ms = (v: number) => v.toFixed(1);
export const seconds = (v: number | undefined) => (v === undefined ? "—" : (v / 1000).toFixed(1));

/** "Run 2026-11-23 12:00 UTC · 2 × CPU · 24 GB RAM · Node v20 · PGlite 0.5.16" */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const pglite = JSON.parse(readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
  return `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · Node ${process.version} · PGlite ${pglite.version}`;
}

/**
 * Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->` in bench/RESULTS.md,
 * keeping everything else (other sections, the written reading). A missing section is appended
 * after `appendWhenMissing` (its heading and reading), or is an error without it.
 */
export function writeSection(name: string, markdown: string, appendWhenMissing = ""): void {
  const file = path.join(root, "bench", "RESULTS.md");
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  let current = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmark results\n\n${start}\n${end}\n`;
  if (current.indexOf(start) < 0 || current.indexOf(end) < 0) {
    if (!appendWhenMissing) throw new Error(`bench/RESULTS.md lost its ${name} markers`);
    current = `${current.trimEnd()}\n\n${appendWhenMissing.trimEnd()}\n${start}\n${end}\n`;
  }
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  writeFileSync(file, `${current.slice(0, from + start.length)}\n${markdown}\n${current.slice(to)}`);
  console.log(`figures written to ${path.relative(root, file)}`);
}
