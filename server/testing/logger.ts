import type { Logger } from '../logger.ts';

/** Keeps log lines in memory so tests can assert on them (and keep output quiet). */
export function recordingLogger() {
  const lines: string[] = [];
  const errors: { line: string; error: unknown }[] = [];
  return {
    lines,
    errors,
    info: (line: string) => void lines.push(line),
    error: (line: string, error?: unknown) => void errors.push({ line, error }),
  } satisfies Logger & { lines: string[]; errors: unknown[] };
}
