// Lint rules. The engine (and the shared domain types) must stay pure and deterministic: no
// platform, storage or UI imports, no clock, no randomness. test/lint/layer-rules.test.ts proves
// these rules fire.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export const PURE_FOLDERS = ['src-main/engine/**/*.ts', 'src-main/domain/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'coverage', 'test/lint/bad/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the main side only through the API contract: from src-main it may
      // import the contract, the shared domain types and the engine's pure constants, never the
      // store, the importers' I/O or a shell (test/lint/layer-rules.test.ts proves it).
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'].map((name) => ({
            name,
            message: 'The renderer reaches the main side only through the API contract.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            {
              // gitignore-style: a folder must be re-included before a file inside it.
              group: [
                '@main/*',
                '!@main/contract',
                '!@main/domain',
                '!@main/engine',
                '!@main/import',
                '@main/import/*',
                '!@main/import/limits',
                '!@main/shells',
                '@main/shells/*',
                '!@main/shells/electron',
                '@main/shells/electron/*',
                '!@main/shells/electron/bridge',
              ],
              message: 'The renderer reaches the main side only through the API contract.',
            },
            {
              group: ['**/src-main/**'],
              message: 'Import the main side as @main/… (contract only).',
            },
          ],
        },
      ],
    },
  },
  {
    files: PURE_FOLDERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The engine is pure: no Electron.' },
            { name: 'better-sqlite3', message: 'The engine is pure: no storage.' },
            { name: 'react', message: 'The engine is pure: no UI.' },
            { name: 'react-dom', message: 'The engine is pure: no UI.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The engine is pure: no Node built-ins.' },
            {
              group: ['fs', 'path', 'os', 'crypto', 'child_process', 'http'],
              message: 'The engine is pure: no Node built-ins.',
            },
            {
              group: ['**/db/**', '**/api/**', '**/shells/**', '**/import/**', '**/export/**'],
              message: 'The engine imports nothing with side effects.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine takes `now` as an argument.' },
        { name: 'performance', message: 'The engine takes `now` as an argument.' },
        { name: 'process', message: 'The engine reads no environment.' },
        { name: 'console', message: 'The engine returns logs; it does not print.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG (engine/random.ts).' },
      ],
    },
  },
);
