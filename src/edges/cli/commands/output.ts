import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../domain/errors.ts';
import type { CliContext } from '../cli-context.ts';

/** Writes to --out FILE, or to standard output when no file is given. */
export async function writeOutput(
  context: CliContext,
  text: string,
  file: string | undefined,
): Promise<void> {
  if (file === undefined || file === '-') {
    context.stdout.write(text);
    return;
  }
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `cannot write ${file} (${(error as { code?: string }).code ?? (error as Error).message})`,
      {
        field: 'out',
      },
    );
  }
}
