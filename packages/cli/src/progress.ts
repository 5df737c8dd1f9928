import cliProgress from 'cli-progress';

/** A progress bar on stderr for long jobs; quiet when stderr is not a terminal (CI, pipes). */
export function progressBar(label: string, total: number) {
  if (!process.stderr.isTTY) {
    let lastShown = 0;
    return {
      update(done: number) {
        if (done - lastShown >= total / 10 || done === total) {
          process.stderr.write(`${label}: ${done}/${total}\n`);
          lastShown = done;
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
}
