import { Command } from 'commander';
import { auditCommand } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { keysCommand } from './commands/keys';
import { migrateCommand } from './commands/migrate';
import { retentionCommand } from './commands/retention';
import { rescreenCommand } from './commands/screen';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';

const program = new Command()
  .name('waymark')
  .description('Waymark: find refugees at heightened risk of trafficking, and act first.')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(seedCommand());
program.addCommand(rescreenCommand());
program.addCommand(keysCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(auditCommand());
program.addCommand(retentionCommand());

await program.parseAsync(process.argv);
