// Which file may import which: the layers of docs/ARCHITECTURE.md, checked by dependency-cruiser
// (`npm run layers`, part of `npm run check` and CI). ESLint keeps what needs the syntax tree
// (the engine's clock, randomness, console); every rule about the import graph lives here, where
// imports are resolved to files (relative paths and the `@main/` alias alike).
// test/lint/layers.test.ts proves each rule fires.
import { fileURLToPath } from 'node:url';

/**
 * Lowest first: a file may import its own layer and the layers below, never one above.
 * `version.ts` is one constant that imports nothing, so it sits on the ground floor.
 */
export const LAYERS = [
  { name: 'domain', path: ['^src-main/domain/', '^src-main/version[.]ts$'] },
  { name: 'engine', path: ['^src-main/engine/'] },
  { name: 'explain', path: ['^src-main/explain/'] },
  { name: 'contract', path: ['^src-main/contract/'] },
  {
    name: 'sources',
    path: ['^src-main/(db|import|enrich|lab)/', '^src-main/(demo|stale-temp|ts-worker)[.]ts$'],
  },
  { name: 'operations', path: ['^src-main/operations/'] },
  { name: 'outputs', path: ['^src-main/(export|report|batch)/'] },
  { name: 'api', path: ['^src-main/api/'] },
  { name: 'shells', path: ['^src-main/shells/', '^src-main/app[.]ts$'] },
];

const PACKAGES = [
  'core',
  'npm',
  'npm-dev',
  'npm-optional',
  'npm-peer',
  'npm-bundled',
  'npm-no-pkg',
  'npm-unknown',
];

/** One rule per layer: nothing in it imports a layer above it. */
const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `upward-from-${layer.name}`,
  comment: `${layer.name} imports only its own layer and those below (docs/ARCHITECTURE.md).`,
  severity: 'error',
  from: { path: layer.path },
  to: {
    path: LAYERS.slice(index + 1).flatMap((above) => above.path),
    pathNot: layer.path,
  },
}));

export default {
  forbidden: [
    ...upward,
    {
      name: 'renderer-through-contract',
      comment:
        'The renderer reaches the main side through the contract, the domain types and the ' +
        "engine's pure constants, never the store, the importers, the API or a shell.",
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: [...LAYERS[0].path, '^src-main/(engine|contract)/'] },
    },
    {
      name: 'renderer-runs-in-a-browser',
      comment: 'The renderer is a web page: no Node built-ins.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-main-packages',
      comment: 'The renderer is a web page: no Electron, no SQLite (the main side owns both).',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '(^|/)node_modules/(electron|better-sqlite3)/' },
    },
    {
      name: 'pure-imports-no-package',
      comment:
        'The engine and the domain are pure and self-contained: no Node built-in, no package ' +
        '(no storage, no Electron, no UI).',
      severity: 'error',
      from: { path: ['^src-main/engine/', '^src-main/domain/'] },
      to: { dependencyTypes: PACKAGES },
    },
    {
      name: 'no-circular',
      comment: 'A cycle of imports has no bottom: break it by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      // Only the main side's folders are layers; the renderer's folders group screens and widgets
      // (its module cycles are still caught by no-circular).
      name: 'no-folder-cycle',
      comment:
        'Two folders that import each other are one folder in disguise, or a layer upside down.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src-main' },
      to: { circular: true },
    },
    {
      name: 'no-unresolved',
      comment: 'An import the checker cannot resolve is one it cannot check.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a type borrowed from a higher layer ties the layers together too.
    tsPreCompilationDeps: true,
    // By absolute path, so the test can run these rules on its fixture folder (for the `@main/` alias).
    tsConfig: { fileName: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    metrics: true,
  },
};
