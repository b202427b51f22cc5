import { type ReactNode, useState } from 'react';
import { bodiesWhere } from '../permissions.ts';
import { problemOf } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { useSession } from '../session.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { FocusMessage } from './FocusMessage.tsx';
import { SelectField } from './fields.tsx';

/** What the place and group pages share: who keeps a new one, what uses one, deleting one. */

/**
 * The service body a new place or group will be kept by: one the person edits listings of, or,
 * for an administrator, none (then only administrators keep it). Answers the choice as the API
 * takes it, and its field.
 */
export function useBodyChoice(id: string): { serviceBodyId: number | null; field: ReactNode } {
  const { me, bodies } = useSession();
  const mine = bodiesWhere(me, 'edit_listings', bodies);
  const [value, setValue] = useState(() => String(mine[0]?.id ?? ''));
  const options = mine.map((b) => ({ value: String(b.id), label: b.name }));
  if (me.is_admin) options.push({ value: '', label: 'No service body: administrators keep it' });
  return {
    serviceBodyId: value ? Number(value) : null,
    field: (
      <SelectField
        id={id}
        label="Kept by"
        hint="The service body whose volunteers keep it."
        value={value}
        onValue={setValue}
        options={options}
      />
    ),
  };
}

/** The meetings using a place or group, each opening its editor. */
export function UsedBy(props: {
  id: string;
  title: string;
  meetings: readonly { slug: string; name: string }[];
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.meetings.length === 0 ? (
        <p>
          None yet. Tick meetings in <Link href={href.meetings}>My meetings</Link> to move them
          here.
        </p>
      ) : (
        <ul className="plain-list">
          {props.meetings.map((m) => (
            <li key={m.slug}>
              <Link href={href.meeting(m.slug)}>{m.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Deleting a place, group or service body: only once no meeting uses it (nothing is left without
 * a place, group or body it names), so while one does the page says what to do instead; the
 * server refuses too, and says so (a body with bodies or volunteers beneath, say).
 */
export function DeleteShared(props: {
  what: 'place' | 'group' | 'service body';
  label: string;
  meetings: number;
  onDelete: () => Promise<void>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const id = `delete-${props.what.replace(' ', '-')}`;
  const one = props.meetings === 1;
  return (
    <section aria-labelledby={id} className="danger-zone">
      <h2 id={id}>Delete this {props.what}</h2>
      {props.meetings > 0 ? (
        props.what === 'service body' ? (
          <p>
            {one ? 'A meeting belongs' : `${props.meetings} meetings belong`} to this service body,
            so it cannot be deleted: first give {one ? 'it' : 'them'} another body in{' '}
            {one ? 'its' : 'each'} meeting’s editor, or delete {one ? 'it' : 'them'}.
          </p>
        ) : (
          <p>
            {one ? 'A meeting uses' : `${props.meetings} meetings use`} this {props.what}, so it
            cannot be deleted: first move {one ? 'it' : 'them'} to another {props.what} (tick{' '}
            {one ? 'it' : 'them'} in <Link href={href.meetings}>My meetings</Link>) or delete{' '}
            {one ? 'it' : 'them'}.
          </p>
        )
      ) : (
        <>
          {problem ? (
            <FocusMessage kind="error" nonce={problem}>
              {problem}
            </FocusMessage>
          ) : null}
          <ConfirmAction
            label={`Delete this ${props.what}`}
            question={`Delete the ${props.what} “${props.label}”? Its history keeps what it said, so it can be brought back from History.`}
            confirmLabel="Yes, delete it"
            danger
            onConfirm={async () => {
              try {
                await props.onDelete();
              } catch (error) {
                setProblem(problemOf(error).message);
              }
            }}
          />
        </>
      )}
    </section>
  );
}
