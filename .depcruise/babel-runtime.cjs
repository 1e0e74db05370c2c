// Compile TypeScript as the bundlers do, so type-only imports vanish and only runtime imports remain.
module.exports = { presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true, onlyRemoveTypeImports: true }]] };
