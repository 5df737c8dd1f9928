import { createLogger, loadConfig, type Config } from '@waymark/server';
import { resolve } from 'node:path';

/** Config from the environment, or a clear list of what is wrong and exit 2. */
export function configOrExit(): Config {
  const result = loadConfig({
    ...process.env,
    WAYMARK_WEB_DIR: process.env.WAYMARK_WEB_DIR ?? resolve(import.meta.dirname, '../../web/dist'),
  });
  if (!result.ok) {
    process.stderr.write(`Waymark cannot start: the configuration is invalid.\n${result.problems.map((p) => `  - ${p}\n`).join('')}`);
    process.exit(2);
  }
  return result.config;
}

export const cliLogger = (config: Config) => createLogger(config.logLevel);
