import { type FormEvent, useState } from 'react';
import type { GroupSummary, PlaceSummary } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { may } from '../permissions.ts';
import { problemOf } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

type Kind = 'place' | 'group';
type Item = PlaceSummary | GroupSummary;

const words = {
  place: { plural: 'places', title: 'Places', find: 'Find a place by its name or address' },
  group: { plural: 'groups', title: 'Groups', find: 'Find a group by its name' },
} as const;

const pageOf = async (kind: Kind, q: string, offset: number) => {
  if (kind === 'place') {
    const page = await api.places(q, offset);
    return { total: page.total, items: page.locations as readonly Item[] };
  }
  const page = await api.groups(q, offset);
  return { total: page.total, items: page.groups as readonly Item[] };
};

const addressOf = (item: Item) => ('formatted_address' in item ? item.formatted_address : null);

/**
 * One list, places or groups, of the person's bodies: found by text on the server (a large
 * intergroup keeps thousands), a hundred at a time, each opening its editor.
 */
function SharedList({ kind }: { kind: Kind }) {
  const { bodies } = useSession();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [more, setMore] = useState<{ query: string; items: readonly Item[] }>({
    query: '',
    items: [],
  });
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useLoad(`${kind}s:${query}`, () => pageOf(kind, query, 0));
  const items = [...(first.data?.items ?? []), ...(more.query === query ? more.items : [])];
  const total = first.data?.total ?? 0;
  const w = words[kind];
  const id = `${kind}-list`;

  const find = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
    setMore({ query: text.trim(), items: [] });
  };
  const [loadingMore, setLoadingMore] = useState(false);
  const showMore = () => {
    setMoreError(null);
    setLoadingMore(true);
    pageOf(kind, query, items.length)
      .then(
        (page) =>
          setMore((m) => {
            // A row that moved between pages (one added or deleted meanwhile) is listed once.
            const kept = m.query === query ? m.items : [];
            const seen = new Set([...(first.data?.items ?? []), ...kept].map((i) => i.id));
            return { query, items: [...kept, ...page.items.filter((i) => !seen.has(i.id))] };
          }),
        (error: unknown) => setMoreError(problemOf(error).message),
      )
      .finally(() => setLoadingMore(false));
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{w.title}</h2>
      <form role="search" aria-label={`Find ${w.plural}`} className="filter" onSubmit={find}>
        <TextField
          id={`${id}-filter`}
          label={w.find}
          type="search"
          value={text}
          onValue={setText}
          autoComplete="off"
        />
        <button type="submit" className="secondary">
          Find
        </button>
      </form>
      {first.error ? <p className="message error">{problemOf(first.error).message}</p> : null}
      {first.loading ? <p className="status">Loading…</p> : null}
      {first.data ? (
        <p className="status" role="status">
          {total === 0
            ? query
              ? `No ${w.plural} match “${query}”.`
              : `No ${w.plural} yet.`
            : `${total} ${total === 1 ? kind : w.plural}${query ? ` match “${query}”` : ''}${items.length < total ? `, the first ${items.length} shown` : ''}.`}
        </p>
      ) : null}
      <ul className="meeting-list shared-list">
        {items.map((item) => {
          const address = addressOf(item);
          return (
            <li key={item.id}>
              <div>
                <Link
                  className="name"
                  href={kind === 'place' ? href.place(item.id) : href.group(item.id)}
                >
                  {item.name || address || `Number ${item.id}`}
                </Link>
                <p className="meta">
                  {item.name && address ? `${address} · ` : ''}
                  {item.meetings === 0
                    ? 'no meetings'
                    : `${item.meetings} meeting${item.meetings === 1 ? '' : 's'}`}
                  {' · '}
                  {item.service_body_id === null
                    ? 'kept by an administrator'
                    : bodyName(bodies, item.service_body_id)}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {moreError ? <p className="message error">{moreError}</p> : null}
      {items.length < total ? (
        <button type="button" className="secondary" onClick={showMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : `Show more ${w.plural}`}
        </button>
      ) : null}
    </section>
  );
}

/**
 * Places and groups are shared by their meetings: a change to one is every meeting's there.
 * Each list holds those of the person's bodies; a new place or group is added here, then
 * meetings are moved to it from My meetings.
 */
export function PlacesPage() {
  const { me } = useSession();
  const canEdit = may(me, 'edit_listings');
  return (
    <>
      <PageHeading title="Places and groups" />
      <p>
        A place (a building and its address) or a group can hold several meetings: what you change
        here changes for all of them. To move meetings to another place or group, tick them in{' '}
        <Link href={href.meetings}>My meetings</Link>.
      </p>
      {canEdit ? (
        <p className="actions">
          <Link className="button" href={href.newPlace}>
            Add a place
          </Link>
          <Link className="button" href={href.newGroup}>
            Add a group
          </Link>
        </p>
      ) : null}
      <SharedList kind="place" />
      <SharedList kind="group" />
    </>
  );
}
