// What the generators share: refusing with a clear message, reading a project file
// and inserting lines at an anchor in it, and writing every file only once all
// checks have passed (each through a temporary file renamed into place).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project folder (this file is server/gen/files.ts). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A refusal: printed as is, exit code 1, nothing written. */
export class GenError extends Error {}

/** Runs a generator on the command line's arguments; a GenError exits 1 with its message. */
export function runGenerator(main: (args: string[]) => void): void {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    console.error(`error: ${error.message}\nNothing was changed.`);
    process.exit(1);
  }
}

/** Whether a path (relative to the project folder) exists. */
export const exists = (path: string) => existsSync(join(ROOT, path));

/** A file to write: a new one, or an edit of one that must still read as `before`. */
export interface Change {
  path: string;
  text: string;
  before?: string;
}

/** A project source file, edited as lines and only in memory until commit(). */
export class SourceFile {
  readonly lines: string[];
  private readonly eol: string;

  private constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.lines = text.split(/\r?\n/);
  }

  static read(path: string): SourceFile {
    if (!exists(path)) throw new GenError(`${path} is missing: run the generator from the project's own folder.`);
    return new SourceFile(path, readFileSync(join(ROOT, path), 'utf8'));
  }

  /** Indexes of the lines matching `anchor` from line `from` on; refuses when there are none. */
  findAll(anchor: RegExp, description: string, from = 0): number[] {
    const found = this.lines.flatMap((line, i) => (i >= from && anchor.test(line) ? [i] : []));
    if (!found.length) {
      throw new GenError(`${this.path}: cannot find ${description}, where the generated code goes (a line matching ${anchor}). Restore it, or add the code by hand.`);
    }
    return found;
  }

  /** Index of the one line matching `anchor` (the first from line `from` on, if `first`). */
  find(anchor: RegExp, description: string, { from = 0, first = false } = {}): number {
    const found = this.findAll(anchor, description, from);
    if (found.length > 1 && !first) throw new GenError(`${this.path}: ${description} appears ${found.length} times; expected once. Add the code by hand.`);
    return found[0]!;
  }

  /** Inserts lines before line `index`. */
  insert(index: number, lines: string[]): void {
    this.lines.splice(index, 0, ...lines);
  }

  change(): Change {
    return { path: this.path, text: this.lines.join(this.eol), before: this.text };
  }
}

/** Refuses when any of the paths exists. */
export function mustNotExist(paths: string[], advice: string): void {
  const taken = paths.filter(exists);
  if (taken.length) throw new GenError(`${taken.join(', ')} already ${taken.length > 1 ? 'exist' : 'exists'}: ${advice}`);
}

/**
 * Writes every change, or none: each goes to a temporary file first, and only when
 * all are written are they renamed into place. Checks again that new files are still
 * absent and edited files unchanged since they were read (others may be editing).
 */
export function commit(changes: Change[]): void {
  for (const { path, before } of changes) {
    const now = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined;
    if (now !== before) throw new GenError(`${path} changed while the generator ran: run it again.`);
  }
  const madeDirs: string[] = [];
  const staged: [temporary: string, final: string][] = [];
  try {
    for (const { path, text } of changes) {
      const final = join(ROOT, path);
      const made = mkdirSync(dirname(final), { recursive: true });
      if (made) madeDirs.push(made);
      const temporary = `${final}.gen-${process.pid}.tmp`;
      writeFileSync(temporary, text, { flag: 'wx' });
      staged.push([temporary, final]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    for (const dir of madeDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  for (const [temporary, final] of staged) renameSync(temporary, final);
}

/** Prints what was created and changed, then the next steps. */
export function report({ created, changed, next }: { created: [path: string, what: string][]; changed: string[]; next: string[] }): void {
  const width = Math.max(...created.map(([path]) => path.length)) + 2;
  console.log(['Created:', ...created.map(([path, what]) => `  ${path.padEnd(width)}${what}`)].join('\n'));
  console.log(['Changed:', ...changed.map((line) => `  ${line}`)].join('\n'));
  console.log(['', 'Next:', ...next.map((step, i) => `  ${i + 1}. ${step}`)].join('\n'));
}
