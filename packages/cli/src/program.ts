import { Command } from 'commander';
import { setActingEmail } from './acting';
import { auditCommand } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { keysCommand } from './commands/keys';
import { migrateCommand } from './commands/migrate';
import { retentionCommand } from './commands/retention';
import { rescreenCommand } from './commands/screen';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';

/** Every command, built without running: main.ts parses it; the rule-book test walks it. */
export function buildProgram(): Command {
  const program = new Command()
    .name('waymark')
    .description('Waymark: find refugees at heightened risk of trafficking, and act first.')
    .option('--as <email>', 'act as this Waymark user (checked against their role; audited under their name)')
    .showHelpAfterError()
    .hook('preAction', (root) => setActingEmail((root.opts() as { as?: string }).as ?? process.env.WAYMARK_AS));

  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(seedCommand());
  program.addCommand(demoCommand());
  program.addCommand(rescreenCommand());
  program.addCommand(keysCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  program.addCommand(auditCommand());
  program.addCommand(retentionCommand());
  program.addCommand(exportCommand());
  return program;
}

/** Full names of the commands that do something ("keys rotate", "seed"), not their groups. */
export function leafCommandNames(command: Command, prefix = ''): string[] {
  return command.commands.flatMap((sub) => {
    const name = prefix ? `${prefix} ${sub.name()}` : sub.name();
    return sub.commands.length > 0 ? leafCommandNames(sub, name) : [name];
  });
}
