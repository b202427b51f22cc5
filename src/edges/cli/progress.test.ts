import { describe, expect, it } from 'vitest';
import { MemoryStream } from '../../test-support/memory-stream.ts';
import { importProgress } from './progress.ts';

describe('import progress', () => {
  it('draws a bar for a large import on a terminal', () => {
    const terminal = Object.assign(new MemoryStream(), {
      isTTY: true,
      columns: 80,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    const progress = importProgress(terminal);
    progress.update('reading', 1000, 100_000);
    progress.update('writing', 50_000, 100_000);
    progress.stop();
    expect(terminal.text).toContain('Reading meetings');
    expect(terminal.text).toContain('Writing meetings');
    expect(terminal.text).toContain('50000/100000');
  });

  it('stays quiet when output is not a terminal, or the import is small', () => {
    const file = new MemoryStream();
    const progress = importProgress(file);
    progress.update('writing', 50_000, 100_000);
    progress.stop();
    expect(file.text).toBe('');
    const terminal = Object.assign(new MemoryStream(), { isTTY: true });
    const small = importProgress(terminal);
    small.update('writing', 10, 500);
    small.stop();
    expect(terminal.text).toBe('');
  });
});
