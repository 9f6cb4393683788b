/**
 * The layers, from the ground up (README, "The layers"): a module may import its own layer and the ones below,
 * never one above, and nothing may import in a circle. `npm run lint:deps` checks it in `npm test`.
 */
const LAYERS = ['shared', 'image|audio', 'models', 'scene', 'lexicon', 'analysis', 'answer', 'server|cli|export'];
const above = (i) => LAYERS.slice(i + 1).join('|');

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `${layer.replace(/\|/g, '-')}-imports-no-higher-layer`,
      comment: `lib/{${layer}} sits below lib/{${above(i)}}, lib/client, app and components`,
      severity: 'error',
      from: { path: `^lib/(${layer})/` },
      to: { path: `^(lib/(${above(i)}|client)/|app/|components/)` },
    })),
    {
      name: 'server-side-imports-no-page',
      comment: 'the server, the CLI and the exporters never reach into the browser code or the pages',
      severity: 'error',
      from: { path: '^lib/(server|cli|export)/' },
      to: { path: '^(lib/client/|app/|components/)' },
    },
    {
      name: 'export-imports-no-server',
      comment: 'exporters are pure: the server and the CLI call them, not the other way round',
      severity: 'error',
      from: { path: '^lib/export/' },
      to: { path: '^lib/(server|cli)/' },
    },
    {
      name: 'browser-code-imports-no-server-code',
      comment: 'the page and its state run in the browser: only the wire schemas and drawing helpers below them',
      severity: 'error',
      from: { path: '^(lib/client|components)/' },
      to: { path: '^lib/(?!shared/|client/)' },
    },
    {
      name: 'tools-import-no-tests',
      comment: 'bench, scripts and the model tools stand on the library, not on test files',
      severity: 'error',
      from: { path: '^(bench|scripts|models)/' },
      to: { path: '^(tests|e2e)/' },
    },
    {
      name: 'no-unresolvable-import',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|dist)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
