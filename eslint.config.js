// typescript-eslint's strict set over the whole repository (`npm run lint`, run by CI before the tests).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'editor/dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `const { revision: _revision, ...rest } = doc` drops a field by name: the idiom, not an oversight.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Stored documents are plain JSON records (counters, tags, projections), not Maps: deleting a key is how a
      // field leaves them.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['editor/src/**/*.{ts,tsx}', 'test/editor/**/*.{ts,tsx}', 'test/e2e/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. The React Compiler's rules (react-hooks 7 `recommended`) stay off: the editor does
    // not run the compiler, and their main finding here is a loading flag set as a fetch effect starts.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // In a test, `!` on something missing fails the test at that very line, which is what a test should do.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
