// Lint rules. The engine (and the shared domain types) must stay pure and deterministic: no clock,
// no randomness, no environment, no printing; test/lint/purity.test.ts proves these rules fire.
// What a folder may import (no storage, platform or UI in the engine; the renderer through the
// contract) is checked on the resolved import graph by dependency-cruiser (.dependency-cruiser.js).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE_FOLDERS = ['src-main/engine/**/*.ts', 'src-main/domain/**/*.ts'];

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
      // Which main-side files the renderer may import is a layer rule (.dependency-cruiser.js);
      // this one only keeps the spelling to the alias.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**'],
              message: 'Import the main side as @main/….',
            },
          ],
        },
      ],
    },
  },
  {
    files: PURE_FOLDERS,
    rules: {
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
