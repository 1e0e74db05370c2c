// Where the server writes its log lines. Tests pass a recording logger.
export interface Logger {
  info(line: string): void;
  error(line: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  error: (line, error) => console.error(line, error instanceof Error ? (error.stack ?? error.message) : (error ?? '')),
};
