import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      'dist-bench',
      'dist-bench-page',
      'dist-bench-lab*',
      'dist-scripts',
      'node_modules',
      'public',
      'reports',
      'test-results',
      'playwright-report',
      'bench-results',
      '.devcarry',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // React lives only in the page layers.
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Accessibility of the markup (issue #17): roles, labels, keyboard handlers beside clicks.
    files: ['src/ui/**/*.tsx', 'src/app/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling region (a wide table on a phone) takes the focus so the keyboard can scroll it.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
    },
  },
  {
    // The core must not reach for React or the page.
    files: [
      'src/model/**',
      'src/data/**',
      'src/train/**',
      'src/worker/**',
      'src/shared/**',
      'src/kernels/**',
      'src/runtime/**',
      'src/lab/**',
    ],
    ignores: ['src/**/*.test.ts', 'src/**/*.testing.ts', 'src/**/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'react-dom/*',
            'recharts',
            'zustand',
            '../ui/*',
            '../store/*',
            '../client/*',
            // The core runs in the browser too: Node's modules only in cli/, bench/ and tests.
            'node:*',
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', '*.config.ts', '*.config.js', 'bench/**', 'cli/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
