/**
 * Which character separates the fields of a CSV file. Excel with Russian or Ukrainian regional
 * settings writes `;`, most other tools `,`; database dumps use a tab or `|`. The right one splits
 * every line of the sample into the same number of fields, more than one; quoted text (a
 * company called "Ромашка, ООО") does not count.
 */
export const DELIMITERS = [";", ",", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const isDelimiter = (value: unknown): value is Delimiter => typeof value === "string" && (DELIMITERS as readonly string[]).includes(value);

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** 0..1: the share of sampled lines with the same field count, lower when no candidate splits anything. */
  confidence: number;
}

/**
 * Splits a sample into records and counts the fields each candidate makes, outside quotes.
 * A quoted field may hold line breaks; a sample cut mid-file (`complete` false) drops its
 * unfinished last line.
 */
export function fieldCounts(sample: string, delimiter: string, complete = true, maxLines = 50): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let lineHasText = false;
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const c = sample[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      lineHasText = true;
    } else if (c === delimiter) {
      fields++;
      lineHasText = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && sample[i + 1] === "\n") i++;
      if (lineHasText) counts.push(fields);
      fields = 1;
      lineHasText = false;
    } else lineHasText = true;
  }
  if (complete && lineHasText && !inQuotes && counts.length < maxLines) counts.push(fields);
  return counts;
}

/** The most frequent value and how often it occurs. */
function mode(values: number[]): { value: number; share: number } {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = { value: 1, count: 0 };
  for (const [value, count] of tally) if (count > best.count || (count === best.count && value > best.value)) best = { value, count };
  return { value: best.value, share: values.length ? best.count / values.length : 0 };
}

/**
 * The candidate whose field count is the most consistent across lines (ties: more fields, then
 * the order of DELIMITERS, `;` first as Russian and Ukrainian Excel writes it).
 */
export function detectDelimiter(sample: string, complete = true): DelimiterGuess {
  let best: { delimiter: Delimiter; score: number; share: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, complete);
    const { value, share } = mode(counts);
    if (value < 2) continue;
    // Consistency first; among equally consistent candidates, the one that splits more.
    const score = share * 1000 + Math.min(value, 999);
    if (!best || score > best.score) best = { delimiter, score, share };
  }
  if (!best) return { delimiter: ";", confidence: 0.3 };
  return { delimiter: best.delimiter, confidence: Math.round(best.share * 100) / 100 };
}
