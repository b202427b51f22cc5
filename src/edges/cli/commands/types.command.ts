import type { Command } from 'commander';
import { typeVocabulary } from '../../../domain/vocabulary/type-vocabulary.ts';
import type { CliContext } from '../cli-context.ts';

export function registerTypesCommand(program: Command, context: () => CliContext): void {
  program
    .command('types')
    .description('the meeting type vocabulary: codes, names and what they mean')
    .option(
      '--language <code>',
      'names in this language where translated (en, es, fr, ja, nl, pt, sk, sv, th)',
      'en',
    )
    .action((flags: { language: string }) => {
      const ctx = context();
      for (const def of typeVocabulary.values()) {
        const name = def.names[flags.language] ?? def.names.en ?? def.code;
        ctx.stdout.write(`${def.code}\t${name}\t${def.description}\n`);
      }
    });
}
