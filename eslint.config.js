// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'dist/',
      'coverage/',
      'custom-elements.json',
      'widget/generated/',
      // wrangler's build output (`wrangler deploy`, `wrangler dev`).
      '**/.wrangler/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['widget/**/*.ts', 'extension/**/*.ts'],
    ignores: ['widget/proxy/**'],
    ...wcConfigs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  { files: ['widget/**/*.ts', 'extension/**/*.ts'], ...litConfigs['flat/recommended'] },
  {
    // shared/ runs in pages, extensions, Node and workers: it may not reach for one host's globals.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'lit', 'lit/*'] }],
    },
  },
  {
    // The proxy is a standard fetch handler for Node and edge runtimes alike; only its Node entry
    // may use node:*.
    files: ['widget/proxy/**/*.ts'],
    ignores: ['widget/proxy/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'lit', 'lit/*'] }] },
  },
  { files: ['test/**/*.ts'], languageOptions: { globals: { ...globals.mocha } } },
);
