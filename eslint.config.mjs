// Lint: typescript-eslint for all TypeScript, Lit and web-component rules for the elements.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/custom-elements.json',
      'docs/site/**',
      'examples/generated/**',
      '.links-demo/**',
      '.links-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/components/src/**/*.ts', 'examples/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'examples/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts'],
    rules: {
      'lit/no-invalid-html': 'error',
      'lit/no-value-attribute': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/binding-positions': 'error',
      'lit/no-duplicate-template-bindings': 'error',
      'lit/no-template-bind': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Untrusted text is rendered only as text.' }] },
      ],
    },
  },
  {
    files: [
      'packages/cli/**/*.{ts,js,mjs}',
      'packages/server/**/*.{ts,mjs}',
      'scripts/**/*.mjs',
      'bench/**/*.{ts,mjs}',
      '*.mjs',
      'packages/components/*.mjs',
      'packages/core/src/**/*.test.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    // No spread of a list into call arguments where the list can be large: `xs.push(...ys)`,
    // `Math.max(...ys)` and friends put every item on the stack and throw "Maximum call stack size
    // exceeded" past about 125,000 items (a cohort's referral events). Use a loop, `concat` or `reduce`.
    // A spread of a literal list or a conditional (`...(cond ? [x] : [])`) is bounded and allowed.
    files: ['packages/**/*.{ts,js,mjs}', 'bench/**/*.{ts,mjs,js}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement:not([argument.type="ArrayExpression"]):not([argument.type="ConditionalExpression"])',
          message:
            'No spread into push/unshift/splice: a large list overflows the call stack. Use a for…of loop or concat.',
        },
        {
          selector:
            'CallExpression[callee.object.name="Math"][callee.property.name=/^(max|min)$/] > SpreadElement:not([argument.type="ArrayExpression"]):not([argument.type="ConditionalExpression"])',
          message: 'No spread into Math.max/min: a large list overflows the call stack. Use a loop or reduce.',
        },
        {
          selector:
            'CallExpression[callee.object.name="String"][callee.property.name=/^(fromCharCode|fromCodePoint)$/] > SpreadElement',
          message:
            'No spread into String.fromCharCode: a large list overflows the call stack. Build the string in chunks.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
