import { type Command, Option } from 'commander';
import { AppError } from '../../../domain/errors.ts';
import { fellowshipKinds, fellowshipSchema } from '../../../domain/fellowship/fellowship.ts';
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
      const list = await withStore(ctx, (store) => store.fellowships.list());
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
      const parsed = fellowshipSchema.safeParse({
        id,
        name: flags.name,
        kind: flags.kind,
        description: flags.description,
        website: flags.website ?? null,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? 'id');
        const what = field === 'id' ? `invalid id "${id}"` : `invalid --${field}`;
        throw new AppError('invalid_input', `${what}: ${issue?.message ?? 'see --help'}`, {
          field,
        });
      }
      const added = await withStore(ctx, async (store) => {
        if ((await store.fellowships.ids()).has(id)) {
          throw new AppError('conflict', `a fellowship with id "${id}" already exists`, {
            field: 'id',
          });
        }
        return store.fellowships.ensure([parsed.data], false, ctx.clock.now().toISOString());
      });
      ctx.stdout.write(added ? `Added fellowship ${id}.\n` : `Fellowship ${id} already existed.\n`);
    });
}
