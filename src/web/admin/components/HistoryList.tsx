import { useState } from 'react';
import type { HistoryEntry } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { when } from '../format.ts';
import { may } from '../permissions.ts';
import { problemOf } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { useSession } from '../session.tsx';
import { ChangeTable } from './ChangeTable.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { FocusMessage } from './FocusMessage.tsx';

const verbs: Readonly<Record<HistoryEntry['change'], string>> = {
  create: 'added',
  update: 'changed',
  delete: 'deleted',
  revert: 'undone',
};
const nouns: Readonly<Record<HistoryEntry['what'], string>> = {
  meeting: 'Meeting',
  location: 'Place',
  group: 'Group',
  service_body: 'Service body',
};

function Subject({ entry }: { entry: HistoryEntry }) {
  const label = `${nouns[entry.what]} ${entry.what === 'meeting' ? `“${entry.name}”` : `“${entry.name}” (number ${entry.id_of})`}`;
  switch (entry.what) {
    case 'meeting':
      return <Link href={href.meeting(entry.name)}>{label}</Link>;
    case 'location':
      return <Link href={href.place(entry.id_of)}>{label}</Link>;
    case 'group':
      return <Link href={href.group(entry.id_of)}>{label}</Link>;
    case 'service_body':
      return <>{label}</>;
  }
}

/**
 * Changes, newest first: what, who and when, each field before and after, and a way to undo
 * one (recorded as a change of its own, which can be undone in turn).
 */
export function HistoryList(props: {
  entries: readonly HistoryEntry[];
  onReverted: () => void;
  headingLevel: 2 | 3;
}) {
  const { me } = useSession();
  const [outcome, setOutcome] = useState<{ id: number; text: string; ok: boolean } | null>(null);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  if (props.entries.length === 0) return <p>No changes yet.</p>;
  const revert = async (entry: HistoryEntry) => {
    try {
      await api.revert(entry.id);
      setOutcome({
        id: entry.id,
        ok: true,
        text: 'Undone. The change back is at the top of the list.',
      });
      props.onReverted();
    } catch (error) {
      setOutcome({ id: entry.id, ok: false, text: problemOf(error).message });
    }
  };
  return (
    <ol className="history">
      {props.entries.map((entry) => (
        <li key={entry.id}>
          <article aria-labelledby={`history-${entry.id}`}>
            <Heading id={`history-${entry.id}`}>
              <Subject entry={entry} /> {verbs[entry.change]}
            </Heading>
            <p className="meta">
              By {entry.by}, {when(entry.at)}
            </p>
            {entry.changes.length > 0 ? (
              <ChangeTable
                caption={`What changed in ${entry.name}`}
                changes={entry.changes}
                beforeLabel="Before"
                afterLabel="After"
              />
            ) : null}
            {outcome?.id === entry.id ? (
              <FocusMessage kind={outcome.ok ? 'done' : 'error'} nonce={outcome}>
                {outcome.text}
              </FocusMessage>
            ) : null}
            {may(me, 'edit_listings') && entry.what !== 'service_body' ? (
              <ConfirmAction
                label="Undo this change"
                question={
                  entry.change === 'create'
                    ? `Undo adding “${entry.name}”? It leaves the directory.`
                    : entry.change === 'delete'
                      ? `Undo deleting “${entry.name}”? It comes back as it was.`
                      : `Undo this change to “${entry.name}”? Each field goes back to what it was before.`
                }
                confirmLabel="Yes, undo it"
                onConfirm={() => revert(entry)}
              />
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
