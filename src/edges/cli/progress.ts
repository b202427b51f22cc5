import cliProgress from 'cli-progress';
import type { ImportPhase } from '../../services/import/import.service.ts';

const labels: Record<ImportPhase, string> = {
  reading: 'Reading meetings',
  writing: 'Writing meetings',
};

/**
 * A progress bar on a terminal for large imports; nothing at all when output goes to a file
 * or a pipe, so scripts and logs stay clean.
 */
export function importProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }) {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  let phase: ImportPhase | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(next: ImportPhase, done: number, total: number) {
      if (total < 1000) return;
      if (phase !== next) {
        stop();
        phase = next;
        bar = new cliProgress.SingleBar(
          {
            format: `${labels[next]} {bar} {value}/{total}`,
            stream,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop,
  };
}
