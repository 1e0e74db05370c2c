// Where the server writes its log lines. Call sites give the readable line and,
// where they know them, its fields (request id, route, status…): LOG_FORMAT=pretty
// (development) prints the line, LOG_FORMAT=json (production's default) one JSON
// object per line with the fields and, for errors, the stack. Stacks go to the log
// only, never into a response. Tests pass a recording logger (server/testing/logger.ts).

/** What a log line is about, as separate fields (JSON format only). */
export type LogFields = Record<string, string | number | undefined>;

export interface Logger {
  info(line: string, fields?: LogFields): void;
  error(line: string, error?: unknown, fields?: LogFields): void;
}

export type LogFormat = 'json' | 'pretty';

/** Where formatted lines go: standard output and standard error by default. */
export interface LogSink {
  out(text: string): void;
  err(text: string): void;
}

const consoleSink: LogSink = { out: (text) => console.log(text), err: (text) => console.error(text) };

export function createLogger(format: LogFormat, sink: LogSink = consoleSink, now: () => number = Date.now): Logger {
  if (format === 'pretty') {
    return {
      info: (line) => sink.out(line),
      error: (line, error) => sink.err(error === undefined ? line : `${line} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    };
  }
  const record = (level: 'info' | 'error', msg: string, fields: LogFields | undefined, error?: unknown) =>
    JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields, ...(error !== undefined && { error: errorFields(error) }) });
  return {
    info: (line, fields) => sink.out(record('info', line, fields)),
    error: (line, error, fields) => sink.err(record('error', line, fields, error)),
  };
}

/** An error as JSON: name, message, stack, and its causes (a few levels deep). */
export function errorFields(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = depth < 3 && error.cause !== undefined ? { cause: errorFields(error.cause, depth + 1) } : {};
  return { name: error.name, message: error.message, stack: error.stack, ...cause };
}

/** The readable logger on the console (`bun dev`, tools). */
export const consoleLogger: Logger = createLogger('pretty');
