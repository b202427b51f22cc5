import { type Command, Option } from 'commander';
import { fellowshipKinds } from '../../../domain/fellowship/fellowship.ts';
import { addFellowship, listFellowships } from '../../../services/fellowship.service.ts';
import { type CliContext, withStore } from '../cli-context.ts';

interface AddFlags {
  name: string;
  kind: (typeof fellowshipKinds)[number];
  description: string;
  website?: string;
}

export function registerFellowshipsCommand(program: Command, context: () => CliContext): void {
  const fellowships = program.command('fellowships').description('list or add fellowships');

  fellowships
    .command('list', { isDefault: true })
    .description('every fellowship the directory knows')
    .action(async () => {
      const ctx = context();
      const list = await withStore(ctx, (store) => listFellowships(store));
      for (const f of list)
        ctx.stdout.write(`${f.id}\t${f.name}\t${f.kind}${f.builtin ? '' : '\t(added)'}\n`);
    });

  fellowships
    .command('add')
    .description('add a fellowship')
    .argument('<id>', 'short lower-case id, like "sa" or "gamblers-anonymous"')
    .requiredOption('--name <name>', 'full name')
    .addOption(
      new Option('--kind <kind>', 'how its meetings run')
        .choices([...fellowshipKinds])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--description <text>',
      'who it is for and how meetings run, in plain words for a newcomer',
    )
    .option('--website <url>', 'its website')
    .action(async (id: string, flags: AddFlags) => {
      const ctx = context();
      const fellowship = {
        id,
        name: flags.name,
        kind: flags.kind,
        description: flags.description,
        website: flags.website ?? null,
      };
      await withStore(ctx, (store) => addFellowship(store, fellowship, ctx.clock));
      ctx.stdout.write(`Added fellowship ${id}.\n`);
    });
}
