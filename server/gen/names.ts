// Names the generators accept, and the identifiers and words made from them.
// A name is lower-case letters, digits and single dashes, starting with a letter:
// it becomes a folder, a file, a URL segment and (camelCased) a TypeScript identifier.
import { GenError } from './files.ts';

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_LENGTH = 40;

/** The name, or a GenError saying what is wrong with it. */
export function checkName(name: string | undefined, what: string): string {
  if (!name) throw new GenError(`Give a ${what}: lower-case letters, digits and dashes, starting with a letter (e.g. gift-cards).`);
  if (!NAME.test(name)) {
    throw new GenError(
      `"${name}" is not a valid ${what}: use lower-case letters, digits and single dashes, starting with a letter and not ending with a dash (e.g. gift-cards).`,
    );
  }
  if (name.length > MAX_LENGTH) throw new GenError(`"${name}" is too long for a ${what}: at most ${MAX_LENGTH} characters.`);
  return name;
}

/** gift-cards → giftCards */
export const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** gift-cards → GiftCards */
export const pascalCase = (name: string) => camelCase(name).replace(/^[a-z]/, (c) => c.toUpperCase());

/** gift-cards → Gift cards */
export const sentenceCase = (name: string) => name.replaceAll('-', ' ').replace(/^[a-z]/, (c) => c.toUpperCase());
