import { type FormEvent, useState } from 'react';
import type { BulkAction, BulkAnswer, EditableMeetingSummary } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { MoveTicked } from '../meeting/MoveTicked.tsx';
import { TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { day, folded } from '../format.ts';
import { may } from '../permissions.ts';
import { problemOf } from '../problems.ts';
import { Link, navigate } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

type Action = {
  action: BulkAction;
  label: string;
  done: string;
  groupId?: number;
  locationId?: number;
};

const actions: readonly Action[] = [
  { action: 'temporarily_closed', label: 'Temporarily closed', done: 'marked temporarily closed' },
  { action: 'reopen', label: 'Reopen', done: 'reopened' },
  { action: 'unpublish', label: 'Unpublish', done: 'taken out of the directory' },
  { action: 'publish', label: 'Publish', done: 'shown in the directory' },
];

/** A meeting's slug from what someone pasted: the slug, or a meeting page's address. */
function slugFrom(text: string): string {
  const t = text.trim();
  const match = /\/(?:admin\/)?meetings\/([^/?#]+)/.exec(t);
  return match?.[1] ? decodeURIComponent(match[1]) : t;
}

/**
 * "My meetings": the meetings of the person's service bodies, by name, with a filter; each
 * opens its editor. Ticked meetings can be closed, reopened, unpublished, published or moved to
 * another group or place at once, each as its own checked edit, and the page says how each went.
 */
export function MeetingsPage() {
  const { me, bodies } = useSession();
  const list = useLoad('meetings', () => api.editableMeetings());
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    label: string;
    answer: BulkAnswer | null;
    error: string | null;
  } | null>(null);
  const [slug, setSlug] = useState('');
  const canEdit = may(me, 'edit_listings');

  const meetings = list.data?.meetings ?? [];
  const words = folded(filter).split(/\s+/).filter(Boolean);
  const shown = meetings.filter((m) => {
    const text = folded(`${m.name} ${m.slug}`);
    return words.every((w) => text.includes(w));
  });
  const names = new Map(meetings.map((m) => [m.slug, m.name]));
  const chosen = meetings.filter((m) => selected.has(m.slug));

  const toggle = (m: EditableMeetingSummary, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(m.slug);
    else next.delete(m.slug);
    setSelected(next);
  };

  const run = async (action: Action) => {
    setBusy(true);
    try {
      const answer = await api.bulk({
        slugs: chosen.map((m) => m.slug),
        action: action.action,
        ...(action.groupId === undefined ? {} : { group_id: action.groupId }),
        ...(action.locationId === undefined ? {} : { location_id: action.locationId }),
      });
      setOutcome({ label: action.done, answer, error: null });
      setSelected(new Set(answer.results.filter((r) => !r.ok).map((r) => r.slug)));
      list.reload();
    } catch (error) {
      setOutcome({ label: action.done, answer: null, error: problemOf(error).message });
    } finally {
      setBusy(false);
    }
  };

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (slugFrom(slug)) navigate(href.meeting(slugFrom(slug)));
  };

  const succeeded = outcome?.answer?.results.filter((r) => r.ok).length ?? 0;
  return (
    <>
      <PageHeading title="My meetings" />
      {canEdit ? (
        <p>
          <Link className="button" href={href.newMeeting}>
            Add a meeting
          </Link>{' '}
          <Link className="button secondary" href={href.newRoom}>
            Open an online room
          </Link>
        </p>
      ) : null}
      {list.error ? <p className="message error">{problemOf(list.error).message}</p> : null}
      {list.loading ? (
        <p className="status" role="status">
          Loading your meetings…
        </p>
      ) : null}
      {list.data ? (
        <>
          <form role="search" className="filter" onSubmit={(e) => e.preventDefault()}>
            <TextField
              id="meetings-filter"
              label="Find in your meetings"
              hint="Part of the name; every word must match."
              type="search"
              value={filter}
              onValue={setFilter}
              autoComplete="off"
            />
          </form>
          <p className="status" role="status">
            {shown.length === meetings.length
              ? `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`
              : `${shown.length} of ${meetings.length} meetings match`}
            {list.data.total > meetings.length
              ? `. This list holds the first ${meetings.length} of your ${list.data.total} meetings, by name: open another one by its address below.`
              : ''}
          </p>
          {canEdit && meetings.length > 0 ? (
            <section className="bulk" aria-labelledby="bulk-heading">
              <h2 id="bulk-heading">Ticked meetings ({chosen.length})</h2>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setSelected(new Set([...selected, ...shown.map((m) => m.slug)]))}
                >
                  Tick all shown
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setSelected(new Set())}
                  disabled={chosen.length === 0}
                >
                  Untick all
                </button>
              </div>
              <div className="actions" role="group" aria-label="Change the ticked meetings">
                {actions.map((a) => (
                  <button
                    key={a.action}
                    type="button"
                    onClick={() => void run(a)}
                    disabled={busy || chosen.length === 0}
                  >
                    {a.label}
                  </button>
                ))}
              </div>
              <MoveTicked
                kind="group"
                disabled={busy || chosen.length === 0}
                onMove={(g) =>
                  void run({
                    action: 'move_to_group',
                    label: 'Move',
                    done: `moved to “${g.label}”`,
                    groupId: g.id,
                  })
                }
              />
              <MoveTicked
                kind="place"
                disabled={busy || chosen.length === 0}
                onMove={(p) =>
                  void run({
                    action: 'move_to_location',
                    label: 'Move',
                    done: `moved to “${p.label}”`,
                    locationId: p.id,
                  })
                }
              />
              {outcome ? (
                <div className="bulk-outcome">
                  <FocusMessage kind={outcome.error ? 'error' : 'done'} nonce={outcome}>
                    {outcome.error ??
                      `${succeeded} of ${outcome.answer?.results.length ?? 0} ${outcome.label}.`}
                  </FocusMessage>
                  {outcome.answer ? (
                    <ul className="results">
                      {outcome.answer.results.map((r) => (
                        <li key={r.slug} className={r.ok ? 'ok' : 'failed'}>
                          {r.ok ? 'Done: ' : 'Not changed: '}
                          {names.get(r.slug) ?? r.slug}
                          {r.message ? ` (${r.message})` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
            </section>
          ) : null}
          {meetings.length === 0 ? (
            <p>
              No meetings yet.{' '}
              {me.roles.length === 0 && !me.is_admin
                ? 'You have no role on a service body: ask the person who invited you.'
                : ''}
            </p>
          ) : (
            <ul className="meeting-list">
              {shown.map((m) => (
                <li key={m.slug}>
                  {canEdit ? (
                    <input
                      type="checkbox"
                      id={`tick-${m.slug}`}
                      checked={selected.has(m.slug)}
                      onChange={(e) => toggle(m, e.target.checked)}
                      aria-label={`Tick ${m.name}`}
                    />
                  ) : null}
                  <div>
                    <Link href={href.meeting(m.slug)} className="name">
                      {m.name}
                    </Link>
                    <p className="meta">
                      {m.published ? null : <span className="badge unpublished">Not shown</span>}
                      {m.group ? `${m.group.name} · ` : ''}
                      {bodyName(bodies, m.service_body_id)} · changed {day(m.updated)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <form className="open-by-slug" onSubmit={open}>
            <TextField
              id="open-slug"
              label="Open a meeting by its address"
              hint="Its web address, such as /meetings/monday-night-group, or just the last part."
              value={slug}
              onValue={setSlug}
              autoComplete="off"
            />
            <button type="submit" className="secondary">
              Open
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
