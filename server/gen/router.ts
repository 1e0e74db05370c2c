// `bun run gen:router <domain>`: a new domain in routers/<domain>/ (router with an
// example query and mutation, domain functions, errors, a test through
// createTestShop), registered in routers/index.ts and listed in README.md's Layout.
import { commit, GenError, mustNotExist, report, runGenerator, SourceFile, type Change } from './files.ts';
import { camelCase, checkName, pascalCase, sentenceCase } from './names.ts';
import { domainFile, errorsFile, routerFile, testFile, type DomainNames } from './router-templates.ts';

/** Keys tRPC refuses in router({…}). */
const RESERVED_KEYS = new Set(['then', 'call', 'apply']);

/** routers/index.ts with the domain's router imported (in path order) and merged (last). */
function registerRouter({ name, key }: DomainNames): Change {
  const index = SourceFile.read('routers/index.ts');
  const start = index.find(/^export const appRouter = router\(\{\s*$/, 'the line `export const appRouter = router({`');
  const end = index.find(/^\}\);\s*$/, 'the `});` closing appRouter', { from: start, first: true });
  const entries = index.lines.slice(start + 1, end);
  if (entries.some((line) => new RegExp(`^\\s*${key}\\s*[:,]`).test(line)) || index.text.includes(`${key}Router`)) {
    throw new GenError(`routers/index.ts already has a "${key}" router: choose another domain name.`);
  }
  const last = entries.findLast((line) => line.trim());
  const indent = last?.match(/^\s*/)?.[0] || '  ';
  if (last && !last.trimEnd().endsWith(',')) index.lines[start + entries.lastIndexOf(last) + 1] = `${last.trimEnd()},`;
  index.insert(end, [`${indent}${key}: ${key}Router,`]);

  const imports = index.findAll(/^import \{ \w+ \} from '\.\/[\w-]+\/router\.ts';\s*$/, "the domain routers' imports (import { xRouter } from './x/router.ts';)");
  const folderOf = (i: number) => index.lines[i]!.match(/'\.\/([\w-]+)\//)![1]!;
  const next = imports.find((i) => folderOf(i) > name);
  index.insert(next ?? imports.at(-1)! + 1, [`import { ${key}Router } from './${name}/router.ts';`]);
  return index.change();
}

/** README.md with the domain's folder in the Layout section (the layout test checks every folder is there). */
function listInReadme({ name, key }: DomainNames): Change {
  const readme = SourceFile.read('README.md');
  const layout = readme.find(/^## Layout\s*$/, 'the "## Layout" section');
  const shared = readme.find(/^routers\/shared\s/, 'the routers/shared line of the Layout section', { from: layout, first: true });
  const folder = `routers/${name}`;
  readme.insert(shared, [`${folder.length < 17 ? folder.padEnd(18) : `${folder}  `}${key}.hello, ${key}.create (generated examples: say what the domain does)`]);
  return readme.change();
}

runGenerator((args) => {
  if (args.length > 1) throw new GenError('Usage: bun run gen:router <domain>  (one name, e.g. gift-cards)');
  const name = checkName(args[0], 'domain name');
  const names: DomainNames = { name, key: camelCase(name), type: pascalCase(name), words: sentenceCase(name) };
  if (RESERVED_KEYS.has(names.key)) throw new GenError(`"${name}" cannot be a router key (tRPC reserves then, call and apply).`);
  const dir = `routers/${name}`;
  mustNotExist([dir], 'choose another domain name, or add to that domain by hand.');

  const created: [string, string, string][] = [
    [`${dir}/router.ts`, routerFile(names), `${names.key}.hello (query) and ${names.key}.create (mutation), valibot inputs`],
    [`${dir}/${name}.ts`, domainFile(names), "the domain's functions (context first, then input)"],
    [`${dir}/errors.ts`, errorsFile(names), `${names.type}Error and its codes`],
    [`${dir}/${name}.test.ts`, testFile(names), 'calls the router through createTestShop()'],
  ];
  commit([...created.map(([path, text]) => ({ path, text })), registerRouter(names), listInReadme(names)]);

  report({
    created: created.map(([path, , what]) => [path, what]),
    changed: [`routers/index.ts   ${names.key}: ${names.key}Router`, `README.md          ${dir} in the Layout section`],
    next: [
      `Replace the examples in ${dir}/${name}.ts and router.ts with the domain's own procedures (publicProcedure, authedProcedure, adminProcedure from routers/trpc.ts).`,
      'Tables of its own: a migration in db/migrations/ (listed in db/migrations/index.ts) and row types in db/tables/.',
      `Run its test: node_modules/.bin/bun test --conditions=solid ${dir}/`,
      `Describe the domain in README.md: its line in the Layout section and a row in the API table.`,
    ],
  });
});
