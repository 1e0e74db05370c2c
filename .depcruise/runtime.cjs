// Rules about the code that runs, counting only imports that survive compilation
// (type imports vanish): no import cycles, and client/ code is browser code. With
// routers/shared/ kept pure (layers.cjs), nothing server-only reaches the bundle.
const TESTS = '\\.test\\.tsx?$|(^|/)testing(/|\\.ts$)';
// Rendered only on the server (the SSR entry and its shell), so free to import anything below.
const SERVER_SIDE = '^client/entry-server\\.tsx$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'modules of the shop import each other one way only',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'client-code-is-browser-code',
      comment: 'client/ takes code from routers/ only out of routers/shared/, and no server-only package',
      severity: 'error',
      from: { path: '^client/', pathNot: `${TESTS}|${SERVER_SIDE}` },
      to: { path: '^(routers/(?!shared/)|db/)|node_modules/(kysely|@libsql|jose|hono|@upstash)/' },
    },
    {
      name: 'client-no-node-builtins',
      severity: 'error',
      from: { path: '^client/', pathNot: `${TESTS}|${SERVER_SIDE}` },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    babelConfig: { fileName: './.depcruise/babel-runtime.cjs' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data)/' },
  },
};
