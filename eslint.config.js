// Lint rules that keep the architecture honest without anyone having to remember it:
// core <- contracts <- server | web | cli; the web never imports the server; only
// server/src/db/** touches Kysely, pg or SQL; core does no I/O.
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const group = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/core/src/**'],
    rules: restrict(
      group(['@waymark/*'], 'core depends on nothing of ours'),
      group(['node:*', 'fs', 'path', 'crypto', 'pg', 'kysely', 'fastify', 'react', 'react-*'], 'core is pure: no I/O, no Node or DOM APIs'),
    ),
  },
  {
    files: ['packages/contracts/src/**'],
    rules: restrict(
      group(['@waymark/server', '@waymark/web', '@waymark/cli'], 'contracts depend on core only'),
      group(['node:*', 'pg', 'kysely', 'fastify'], 'contracts are pure schemas'),
    ),
  },
  {
    files: ['packages/web/src/**'],
    rules: restrict(
      group(['@waymark/server', '@waymark/server/*', '@waymark/cli'], 'the web client never imports the server'),
      group(['node:*', 'pg', 'kysely', 'fastify'], 'browser code'),
    ),
  },
  {
    files: ['packages/server/src/**'],
    ignores: ['packages/server/src/db/**'],
    rules: restrict(
      group(['pg', 'pg-copy-streams', 'kysely'], 'SQL lives in server/src/db only'),
      group(['@waymark/web', '@waymark/cli'], 'the server does not depend on its clients'),
    ),
  },
  {
    files: ['packages/cli/src/**'],
    rules: restrict(group(['pg', 'kysely', 'pg-copy-streams'], 'the CLI calls use cases; SQL lives in server/src/db')),
  },
);
