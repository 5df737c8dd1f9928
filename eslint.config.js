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
    // The web app's shell (app/: the router's screens, the layout) is at the top; what the
    // features share (shared/, components/, api/, i18n/) is below them and never reaches up.
    files: ['packages/web/src/**'],
    ignores: ['packages/web/src/app/**', 'packages/web/src/main.tsx'],
    rules: restrict(
      group(['@waymark/server', '@waymark/server/*', '@waymark/cli'], 'the web client never imports the server'),
      group(['node:*', 'pg', 'kysely', 'fastify'], 'browser code'),
      group(['**/app/*', '**/app'], 'app/ is the shell: features and what they share import shared/, components/, api/ and i18n/, never the shell'),
    ),
  },
  {
    files: ['packages/web/src/shared/**', 'packages/web/src/components/**', 'packages/web/src/api/**', 'packages/web/src/i18n/**'],
    rules: restrict(
      group(['@waymark/server', '@waymark/server/*', '@waymark/cli'], 'the web client never imports the server'),
      group(['node:*', 'pg', 'kysely', 'fastify'], 'browser code'),
      group(['**/app/*', '**/app', '**/features/*', '**/features/**'], 'shared parts sit below the features and the shell: they import neither'),
    ),
  },
  {
    files: ['packages/cli/src/**'],
    rules: restrict(group(['pg', 'kysely', 'pg-copy-streams'], 'the CLI calls use cases; SQL lives in server/src/db')),
  },
);
