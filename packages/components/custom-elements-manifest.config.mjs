// `npm run manifest`: custom-elements.json for the components package.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/internal/**', '**/idb-store/**', '**/all.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
