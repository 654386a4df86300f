// One lint configuration for the whole workspace; type-aware rules catch floating promises and
// unsafe `any`, which plain TypeScript does not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/coverage/**', '**/node_modules/**', '**/.results/**', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
      // An aborted wait rejects with the signal's reason, which is whatever the caller aborted with.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // Benchmarks measure deliberately empty async functions.
    files: ['tooling/bench/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      // Tests assert on promises with expect().rejects and pass async callbacks to helpers.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
