import { type FormEvent, useState } from 'react';
import { api } from '../api-client.ts';
import { TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { problemOf, useProblem } from '../problems.ts';
import { Link, navigate } from '../router.tsx';
import { href } from '../routes.ts';
import { useLoad } from '../use-load.ts';

const NUMBER = new Set(['number']);

function OpenByNumber(props: { kind: 'place' | 'group' }) {
  const [text, setText] = useState('');
  const form = `open-${props.kind}`;
  const problems = useProblem(form, NUMBER);
  const open = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(text.trim());
    if (!Number.isSafeInteger(n) || n < 1) {
      problems.show({ field: 'number', message: 'Give the number, such as 42.' });
      return;
    }
    navigate(props.kind === 'place' ? href.place(n) : href.group(n));
  };
  return (
    <form className="open-by-slug" onSubmit={open}>
      <TextField
        id={`${form}-number`}
        label={props.kind === 'place' ? 'Place number' : 'Group number'}
        inputMode="numeric"
        className="short"
        value={text}
        onValue={setText}
        error={problems.errorFor('number')}
      />
      <button type="submit" className="secondary">
        Open the {props.kind}
      </button>
    </form>
  );
}

/**
 * Places and groups are shared by their meetings: a change here is every meeting's there. The
 * API lists neither, so they are reached from the changes made to them lately, from the data
 * quality page, or by their number.
 */
export function PlacesPage() {
  const history = useLoad('history', () => api.history());
  const seen = new Map<string, { what: 'location' | 'group'; id: number; name: string }>();
  for (const e of history.data?.history ?? []) {
    if (e.what !== 'location' && e.what !== 'group') continue;
    const key = `${e.what}:${e.id_of}`;
    if (!seen.has(key)) seen.set(key, { what: e.what, id: e.id_of, name: e.name });
  }
  const recent = [...seen.values()];
  return (
    <>
      <PageHeading title="Places and groups" />
      <p>
        A place (a building and its address) or a group can hold several meetings: what you change
        here changes for all of them. To move one meeting to another place, change its address in
        the meeting’s own editor.
      </p>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Changed lately</h2>
        {history.error ? <p className="message error">{problemOf(history.error).message}</p> : null}
        {history.loading ? <p className="status">Loading…</p> : null}
        {history.data && recent.length === 0 ? (
          <p>
            No place or group has been changed lately. Places without a point are listed on the{' '}
            <Link href={href.quality()}>data quality</Link> page.
          </p>
        ) : null}
        <ul className="plain-list">
          {recent.map((r) => (
            <li key={`${r.what}:${r.id}`}>
              <Link href={r.what === 'location' ? href.place(r.id) : href.group(r.id)}>
                {r.what === 'location' ? 'Place' : 'Group'} “{r.name}” (number {r.id})
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="number-heading">
        <h2 id="number-heading">Open one by its number</h2>
        <p className="hint">
          The number is in the history of a change to it, and on the data quality page.
        </p>
        <OpenByNumber kind="place" />
        <OpenByNumber kind="group" />
      </section>
    </>
  );
}
