import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The floors of src/, from the bottom, and what each may import (README, Architecture).
 *
 *   domain    pure model, rules, commands, layout: src/domain and zod, nothing else
 *   storage   the database: domain (and dexie)
 *   state     stores and the sessions library: storage, domain
 *   i18n      French words for the domain's codes: domain (its types and enumerations)
 *   ui        presentational pieces (modal, menu, shortcuts panel): i18n, domain
 *   render    model → SVG with French labels: domain, i18n
 *   canvas    React Flow bindings: state, domain, i18n, ui
 *   features  the pages and panels: all the floors above but storage (data goes through state), not App or main
 *   App.tsx, main.tsx: everything
 *
 * Nothing imports src/features but App, main and the features themselves. The patterns match a
 * folder name anywhere in the path ('../../storage/db', '../storage'), at any depth.
 */
const FLOORS = ['domain', 'storage', 'state', 'i18n', 'ui', 'render', 'canvas', 'features'];
const ENTRY = ['**/App', '**/App.tsx', '**/main', '**/main.tsx'];
/** Packages that belong to a floor: React and its bindings, the stores, the database, the router. */
const PACKAGES = {
  react: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  xyflow: ['@xyflow/*'],
  stores: ['zustand', 'zustand/*', 'zundo'],
  dexie: ['dexie', 'dexie-react-hooks'],
  router: ['wouter', 'wouter/*'],
  exports: ['pptxgenjs', '@dagrejs/*'],
};
const BASE_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Le texte est une donnée : jamais interprété comme du HTML.' },
];

/**
 * The rules of one floor: `allowed` floors may be imported, every other floor may not (nor App or
 * main); `packages` lists forbidden packages, or 'all' for every package but `except`.
 */
function floor(name, allowed, { packages = [], except = [] } = {}) {
  const banned = FLOORS.filter((f) => f !== name && !allowed.includes(f));
  const message = `src/${name} may import only ${[name, ...allowed].map((f) => `src/${f}`).join(', ')}${except.length ? ` and ${except.join(', ')}` : ''} (the floors: eslint.config.js).`;
  const patterns = [
    { group: [...banned.flatMap((f) => [`**/${f}`, `**/${f}/**`]), ...ENTRY], message },
    packages === 'all'
      ? { regex: except.length ? `^(?![./])(?!(${except.join('|')})(/|$))` : '^(?![./])', message }
      : packages.length && { group: packages, message },
  ].filter(Boolean);
  // Dynamic import() is not seen by no-restricted-imports: the same floors, by syntax.
  const dynamic = banned.length
    ? [{ selector: `ImportExpression > Literal[value=/(^|\\/)(${banned.join('|')}|App|main)(\\/|\\.tsx?$|$)/]`, message }]
    : [];
  return {
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': ['error', ...BASE_SYNTAX, ...dynamic],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'reports', 'playwright-report', 'dev-dist', '.tmp-tests'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...BASE_SYNTAX],
    },
  },
  {
    files: ['scripts/*.mjs', 'server/**/*.mjs', 'bench/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bench/baseline/public/*.js'],
    languageOptions: { globals: globals.worker },
  },
  floor('domain', [], { packages: 'all', except: ['zod'] }),
  floor('storage', ['domain'], { packages: [...PACKAGES.react, ...PACKAGES.xyflow, ...PACKAGES.stores, 'dexie-react-hooks', ...PACKAGES.router, ...PACKAGES.exports] }),
  floor('state', ['storage', 'domain'], { packages: ['react-dom', 'react-dom/*', ...PACKAGES.xyflow, ...PACKAGES.router, ...PACKAGES.exports] }),
  floor('i18n', ['domain'], { packages: 'all' }),
  floor('ui', ['i18n', 'domain'], { packages: [...PACKAGES.xyflow, ...PACKAGES.stores, ...PACKAGES.dexie, ...PACKAGES.router, ...PACKAGES.exports] }),
  floor('render', ['domain', 'i18n'], { packages: 'all' }),
  floor('canvas', ['state', 'domain', 'i18n', 'ui'], { packages: [...PACKAGES.dexie, ...PACKAGES.router, ...PACKAGES.exports] }),
  floor('features', ['domain', 'state', 'i18n', 'ui', 'render', 'canvas']),
);
