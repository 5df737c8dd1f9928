import { startServer, StartupRefused } from '@waymark/server';
import { Command } from 'commander';
import { cliLogger, configOrExit } from '../environment';
import { writeFirstAdminSecret } from '../first-admin-secret';

export function serveCommand(): Command {
  return new Command('serve').description('serve the web app and the API (embedded PostgreSQL unless DATABASE_URL)').action(async () => {
    const config = configOrExit();
    const logger = cliLogger(config);
    const server = await startServer(config, logger).catch((error: unknown) => {
      if (!(error instanceof StartupRefused)) throw error;
      process.stderr.write(`Waymark cannot start: ${error.message}\n`);
      process.exit(2);
    });
    if (server.firstAdmin) {
      const { email, oneTimePassword } = server.firstAdmin;
      // The secret never goes to standard output, where the JSON logs go: only its file's path.
      if (oneTimePassword) {
        const path = await writeFirstAdminSecret(config.database.dataDir, { email, oneTimePassword });
        process.stdout.write(`\nFirst administrator created: ${email}\nIts one-time password is in ${path} (readable by this account only).\nSign in, change it, then delete that file.\n\n`);
      } else {
        process.stdout.write(`\nFirst administrator created: ${email}\n\n`);
      }
    }
    process.stdout.write(`Waymark is running at ${server.url} (database: ${server.database.mode})\n`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
