import { createLogger, type LogFields, type LogFormat, type Logger } from '../logger.ts';

/**
 * Keeps log lines in memory so tests can assert on them (and keep output quiet):
 * `lines` and `errors` as the call sites wrote them (`infos` and `errors` with their
 * fields), and `written`: what the real logger of `format` would have printed, line by line.
 */
export function recordingLogger(format: LogFormat = 'pretty') {
  const lines: string[] = [];
  const errors: { line: string; error: unknown; fields?: LogFields }[] = [];
  const infos: { line: string; fields?: LogFields }[] = [];
  const written: string[] = [];
  const real = createLogger(format, { out: (text) => void written.push(text), err: (text) => void written.push(text) });
  const logger: Logger = {
    info(line: string, fields?: LogFields) {
      lines.push(line);
      infos.push({ line, fields });
      real.info(line, fields);
    },
    error(line: string, error?: unknown, fields?: LogFields) {
      errors.push({ line, error, fields });
      real.error(line, error, fields);
    },
  };
  return { lines, errors, infos, written, info: logger.info, error: logger.error };
}
