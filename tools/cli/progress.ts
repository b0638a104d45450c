import { SingleBar } from 'cli-progress';
import { Progress } from '@coalition/read-side';

/**
 * A bar with count, rate and time left, on stderr and only when stderr is a terminal: piped or
 * redirected output (a log, CI) stays free of control characters.
 */
export function terminalProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | {eta_formatted} left`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  const started = Date.now();
  bar.start(total, 0, { rate: '0' });
  return {
    update: (done) => bar.update(Math.min(done, total), { rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)).toString() }),
    stop: () => bar.stop(),
  };
}
