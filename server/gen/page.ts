// `bun run gen:page <path>` (gift-cards, account/wishlist, admin/reports): a page
// component in client/pages/<path>.tsx with its server-render test, routed in
// client/app.tsx. account/… (and the other pages protected-pages.ts names) need a
// session; admin/… load through asAdmin and show "Admins only" to anyone else.
import { posix } from 'node:path';
import { needsAccount } from '../../routers/shared/protected-pages.ts';
import { commit, GenError, mustNotExist, report, runGenerator, SourceFile, type Change } from './files.ts';
import { checkName, pascalCase, sentenceCase } from './names.ts';
import { pageFile, pageTestFile, type Guard, type PageNames } from './page-templates.ts';

/** Paths the server answers itself, before any page (server/app.ts). */
const SERVER_PATHS = new Set(['trpc', 'healthz', 'img', 'assets', 'jobs']);

/** The import path of project file `to` from project file `from`. */
function relativeImport(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

function pageNames(given: string): PageNames {
  const segments = given.split('/');
  if (segments.some((segment) => !segment)) {
    throw new GenError(`"${given}" has an empty segment: write the path like account/wishlist (no leading, trailing or doubled slashes).`);
  }
  for (const segment of segments) checkName(segment, segments.length > 1 ? `page path segment (in "${given}")` : 'page path');
  if (SERVER_PATHS.has(segments[0]!)) throw new GenError(`/${segments[0]} is answered by the server before any page: choose another path.`);
  const route = `/${given}`;
  const guard: Guard = segments[0] === 'admin' ? 'admin' : needsAccount(route) ? 'account' : 'public';
  const file = `client/pages/${given}.tsx`;
  return {
    path: given,
    route,
    component: `${segments.map(pascalCase).join('')}Page`,
    heading: sentenceCase(segments.at(-1)!),
    headingId: `${segments.join('-')}-heading`,
    guard,
    imports: {
      api: relativeImport(file, 'client/api.ts'),
      format: relativeImport(file, 'client/format.ts'),
      adminAccess: relativeImport(file, 'client/pages/admin/admin-access.tsx'),
    },
    testShop: relativeImport(file, 'server/testing/test-shop.ts'),
  };
}

/** Every path client/app.tsx routes: the admin console's children count under /admin. */
function routedPaths(lines: string[]): string[] {
  const paths: string[] = [];
  let admin = false;
  for (const line of lines) {
    if (/^\s*<Route path="\/admin" component=\{AdminConsole\}>/.test(line)) admin = true;
    else if (admin && /^\s*<\/Route>/.test(line)) admin = false;
    else {
      const path = /<Route\s[^>]*?path="([^"]*)"/.exec(line)?.[1]?.toLowerCase();
      if (path) paths.push(admin ? `/admin${path === '/' ? '' : path}` : path);
    }
  }
  return paths;
}

/**
 * client/app.tsx with the page declared as a lazily loaded chunk (after the other pages
 * of its part, storefront or admin) and routed: an admin page inside the console's
 * layout route, any other before the catch-all.
 */
function addRoute(p: PageNames): Change {
  const app = SourceFile.read('client/app.tsx');
  if (routedPaths(app.lines).includes(p.route)) throw new GenError(`client/app.tsx already has a route for ${p.route}: choose another path.`);
  if (new RegExp(`\\b${p.component}\\b`).test(app.text)) throw new GenError(`client/app.tsx already uses the name ${p.component}: choose another path.`);
  const admin = p.guard === 'admin';
  const indent = (line: number) => app.lines[line]!.match(/^\s*/)![0];
  if (admin) {
    const layout = app.find(/^\s*<Route path="\/admin" component=\{AdminConsole\}>/, 'the admin console\'s route <Route path="/admin" component={AdminConsole}> (admin pages go inside it)');
    const end = app.find(/^\s*<\/Route>/, 'the end of the admin console\'s route (</Route>)', { from: layout, first: true });
    app.insert(end, [`${indent(end - 1)}<Route path="${p.route.slice('/admin'.length)}" component={${p.component}} />`]);
  } else {
    const catchAll = app.find(/^\s*<Route path="\*404"/, 'the catch-all route <Route path="*404" …> (new routes go just before it)');
    app.insert(catchAll, [`${indent(catchAll)}<Route path="${p.route}" component={${p.component}} />`]);
  }
  const part = admin ? /^const \w+ = page\(\(\) => import\('\.\/pages\/admin\/[^']+'\), '\w+'\);\s*$/ : /^const \w+ = page\(\(\) => import\('\.\/pages\/(?!admin\/)[^']+'\), '\w+'\);\s*$/;
  const declared = app.findAll(part, `the ${admin ? 'admin' : 'storefront'} pages' declarations (const XPage = page(() => import('./pages/x.tsx'), 'XPage');)`);
  app.insert(declared.at(-1)! + 1, [`const ${p.component} = page(() => import('./pages/${p.path}.tsx'), '${p.component}');`]);
  return app.change();
}

const WHO: Record<Guard, string> = {
  public: 'anyone',
  account: 'signed-in shoppers (routers/shared/protected-pages.ts sends others to sign in)',
  admin: 'admins (asAdmin + AdminGate: "Admins only" for anyone else)',
};

runGenerator((args) => {
  if (args.length !== 1 || !args[0]) throw new GenError('Usage: bun run gen:page <path>  (e.g. gift-cards, account/wishlist, admin/reports)');
  const p = pageNames(args[0]);
  const file = `client/pages/${p.path}.tsx`;
  const test = `client/pages/${p.path}.test.ts`;
  mustNotExist([file, test], 'choose another path, or edit that page by hand.');
  commit([{ path: file, text: pageFile(p) }, { path: test, text: pageTestFile(p) }, addRoute(p)]);

  report({
    created: [
      [file, `${p.component}: title, heading and example data; for ${WHO[p.guard]}`],
      [test, `renders ${p.route} on the server through createTestShop()`],
    ],
    changed: [`client/app.tsx  ${p.component} loaded lazily and <Route path="${p.route}">${p.guard === 'admin' ? ' in the admin layout' : ''}`],
    next: [
      `Replace the example query in ${file} with the page's own data (useApi() + createResource).`,
      `Link to ${p.route} from where shoppers will look for it (header, account menu${p.guard === 'admin' ? ', SECTIONS in client/pages/admin/admin-nav.tsx' : ''}).`,
      `Run its test: node_modules/.bin/bun test --conditions=solid ${test}`,
      'Rebuild the client bundle (npm run build:app) before browser tests or npm start.',
    ],
  });
});
