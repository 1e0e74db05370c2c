// Which folder may import which, counting type imports too (README, "Layout"):
// edge/, server/ → client/, routers/ → db/. Tests and test helpers may reach across.
const TESTS = '\\.test\\.tsx?$|(^|/)testing(/|\\.ts$)|\\.contract\\.ts$';

/** A rule that keeps `from` (app code, not tests) out of the folders in `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from, pathNot: TESTS }, to: { path: to } });

module.exports = {
  forbidden: [
    forbid('db-is-the-bottom', 'db/ imports none of the other folders', '^db/', '^(routers|client|server|edge)/'),
    forbid('routers-stay-below', 'routers/ never imports server/, client/ or edge/', '^routers/', '^(server|client|edge)/'),
    forbid('client-stays-below', 'client/ never imports server/ or edge/ (it is bundled for the browser)', '^client/', '^(server|edge)/'),
    forbid('server-below-edge', 'server/ never imports edge/ (the Worker builds on server/, not the reverse)', '^server/', '^edge/'),
    forbid(
      'shared-is-browser-safe',
      'routers/shared/ holds pure helpers the browser imports: nothing else of ours, no server-only packages',
      '^routers/shared/',
      '^(routers/(?!shared/)|db/|server/|client/|edge/)|node_modules/(?!valibot/)',
    ),
    {
      name: 'app-code-not-from-tests',
      comment: 'test helpers stay out of the shop itself',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
  ],
  options: {
    babelConfig: { fileName: './.depcruise/babel-syntax.cjs' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data)/' },
  },
};
