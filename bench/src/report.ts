import type { TargetResult } from './main';
import { round } from './timing';

const TARGETS = { load: 3, rescore: 4, listP50Ms: 50, healthP99Ms: 100 };

export function printReport(report: { persons: number; results: TargetResult[] }): void {
  const lines: string[] = [];
  for (const r of report.results) {
    const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    lines.push(
      `\n${r.target} (PostgreSQL ${r.postgresVersion}), ${report.persons} persons`,
      `  bulk load       ${round(r.load.loadMs / 1000)} s vs raw COPY ${round(r.load.rawCopyMs / 1000)} s  = ${round(r.load.ratio, 2)}x  (target <= ${TARGETS.load}x: ${mark(r.load.ratio <= TARGETS.load)}; synthetic generator's ${round(r.load.generationMs / 1000)} s included)`,
    );
    if (r.rescore) {
      lines.push(`  screen --all    ${round(r.rescore.rescoreMs / 1000)} s vs raw UPDATE ${round(r.rescore.rawUpdateMs / 1000)} s = ${round(r.rescore.ratio, 2)}x  (target <= ${TARGETS.rescore}x: ${mark(r.rescore.ratio <= TARGETS.rescore)})`);
    }
    if (r.list) {
      lines.push(
        `  filtered list   p50 ${round(r.list.p50)} ms vs raw SQL ${round(r.list.rawP50)} ms  (target p50 <= ${TARGETS.listP50Ms} ms: ${mark(r.list.p50 <= TARGETS.listP50Ms)})`,
        ...r.list.filters.map((f) => `      ${f.name.padEnd(28)} p50 ${round(f.p50)} ms p95 ${round(f.p95)} ms raw ${round(f.rawP50)} ms = ${round(f.ratio, 2)}x (${f.total} matches)`),
      );
    }
    if (r.aggregate) {
      lines.push(
        `  risk by area    p50 ${round(r.aggregate.p50)} ms vs raw SQL ${round(r.aggregate.rawP50)} ms = ${round(r.aggregate.ratio, 2)}x`,
        `  released report p50 ${round(r.aggregate.releaseP50)} ms (analyst) = ${round(r.aggregate.releaseRatio, 2)}x raw; release cut ${round(r.aggregate.releaseCutMs)} ms`,
        `  health          idle p50 ${round(r.aggregate.healthIdleP50)} ms; during aggregates p50 ${round(r.aggregate.healthUnderLoadP50)} ms p99 ${round(r.aggregate.healthUnderLoadP99)} ms over ${r.aggregate.healthSamples} samples (target p99 <= ${TARGETS.healthP99Ms} ms: ${mark(r.aggregate.healthUnderLoadP99 <= TARGETS.healthP99Ms)})`,
      );
    }
    if (r.cases) {
      const c = r.cases.population;
      lines.push(
        `  cases           ${c.cases} open (${c.tasks} tasks, ${c.overdueTasks} overdue; ${c.bias} BIAs, ${c.overdueBias} overdue; ${c.bids} BIDs, ${c.overdueReviews} reviews overdue; ${c.closureRequests} closure requests; ${c.queued} queued; ${c.workers} workers) written in ${round(c.loadMs / 1000)} s by COPY`,
        ...r.cases.lists.map(
          (f) => `      ${f.name.padEnd(32)} p50 ${round(f.p50)} ms p95 ${round(f.p95)} ms raw ${round(f.rawP50)} ms = ${round(f.ratio, 2)}x (${f.items} items; ${f.targetMs === undefined ? 'no target' : `target p50 <= ${f.targetMs} ms: ${mark(f.p50 <= f.targetMs)}`})`,
        ),
      );
    }
    if (r.programmes) {
      const p = r.programmes;
      lines.push(
        `  programme       ${p.inNeed} in need (women 18–59, urban, economic survival ≥ medium)`,
        `      target list (agency scope)    p50 ${round(p.targets.p50)} ms p95 ${round(p.targets.p95)} ms raw ${round(p.targets.rawP50)} ms = ${round(p.targets.ratio, 2)}x (${p.targets.total} matches)`,
        `      coverage (operation)          p50 ${round(p.coverage.p50)} ms p95 ${round(p.coverage.p95)} ms raw ${round(p.coverage.rawP50)} ms = ${round(p.coverage.ratio, 2)}x`,
      );
    }
    if (r.populationMap) {
      const m = r.populationMap;
      lines.push(
        `  population map  dashboard p50 ${round(m.dashboardP50)} ms (rollup SQL ${round(m.rollupSqlP50, 2)} ms) vs raw scan ${round(m.rawScanP50)} ms = ${round(m.ratio, 2)}x (target <= 0.25x: ${mark(m.ratio <= 0.25)})`,
        `      new screening on the dashboard after ${m.freshnessMs.map((ms) => round(ms)).join(', ')} ms (target <= 1000 ms: ${mark(m.freshnessMaxMs <= 1000)})${m.freshnessHidden > 0 ? `; ${m.freshnessHidden} of 5 hidden by the cell-key perturbation (in the rollup at once)` : ''}`,
        `      rollup triggers on a rewrite of ${m.rewrittenPersons} persons + screenings: ${round(m.rewriteWithRollupsMs)} ms with, ${round(m.rewriteWithoutRollupsMs)} ms without (+${round(m.rewriteWithRollupsMs - m.rewriteWithoutRollupsMs)} ms)`,
      );
    }
    if (r.hammer) {
      lines.push(
        `  one user, ${r.hammer.connections} connections, ${r.hammer.seconds} s a route, default rate limits:`,
        ...r.hammer.rounds.map(
          (round_) =>
            `      ${round_.route.padEnd(44)} ${round_.requests} requests (${Object.entries(round_.statuses).map(([status, n]) => `${n}× ${status}`).join(', ')}); health p50 ${round(round_.healthP50)} ms p99 ${round(round_.healthP99)} ms max ${round(round_.healthMax)} ms over ${round_.healthSamples} (target p99 <= ${TARGETS.healthP99Ms} ms: ${mark(round_.healthP99 <= TARGETS.healthP99Ms)})`,
        ),
      );
    }
    if (r.web) {
      const w = r.web;
      lines.push(
        `  people list in Chromium, ${w.link.downloadBitsPerSecond / 1e6} Mbps / ${w.link.latencyMs} ms RTT, CPU ${w.link.cpuSlowdown}× slower:`,
        `      cold (empty cache) p50 ${round(w.coldP50)} ms [${w.coldMs.map((ms) => round(ms, 0)).join(', ')}], ${round(w.coldBytes / 1024)} kB, ${w.scripts} scripts (target <= 2500 ms: ${mark(w.coldP50 <= 2500)})`,
        `      warm (cached)      p50 ${round(w.warmP50)} ms [${w.warmMs.map((ms) => round(ms, 0)).join(', ')}], ${round(w.warmBytes / 1024)} kB (target <= 1000 ms: ${mark(w.warmP50 <= 1000)})`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}
