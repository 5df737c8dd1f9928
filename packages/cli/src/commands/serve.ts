import { startServer, StartupRefused } from '@waymark/server';
import { Command } from 'commander';
import { cliLogger, configOrExit } from '../environment';

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
      // Printed once, to the terminal only (never to the log stream): it is a secret.
      process.stdout.write(
        oneTimePassword
          ? `\nFirst administrator created.\n  email:    ${email}\n  password: ${oneTimePassword}\nThis password is shown once. Sign in and change it.\n\n`
          : `\nFirst administrator created: ${email}\n\n`,
      );
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
