// Parse TypeScript as written, type imports included. One parser mode for .ts and
// .tsx (depcruise gives Babel no file name to tell them apart), so casts use `as`.
module.exports = { plugins: [['@babel/plugin-syntax-typescript', { isTSX: true }]] };
