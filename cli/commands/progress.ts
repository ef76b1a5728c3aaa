import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays clean for data), started lazily once the total is
 * known. It draws nothing when stderr is not a terminal.
 */
export function progressBar(label: string, unit: string) {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} |{bar}| {percentage}% | {value}/{total} ${unit}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(value: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(Math.min(value, total));
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
