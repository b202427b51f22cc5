import { useState } from 'react';
import type { HistoryEntry } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { problemOf } from '../problems.ts';
import { useLoad } from '../use-load.ts';

/** The latest changes in the person's service bodies, a hundred at a time. */
export function HistoryPage() {
  const latest = useLoad('history', () => api.history());
  const [older, setOlder] = useState<readonly HistoryEntry[]>([]);
  const [more, setMore] = useState<{ busy: boolean; done: boolean; error: string | null }>({
    busy: false,
    done: false,
    error: null,
  });
  const entries = [...(latest.data?.history ?? []), ...older];

  const loadOlder = async () => {
    const last = entries.at(-1);
    if (!last) return;
    setMore({ busy: true, done: false, error: null });
    try {
      const page = await api.history(last.id);
      setOlder([...older, ...page.history]);
      setMore({ busy: false, done: page.history.length === 0, error: null });
    } catch (error) {
      setMore({ busy: false, done: false, error: problemOf(error).message });
    }
  };

  return (
    <>
      <PageHeading title="Recent changes" />
      <p>Who changed what in the listings you keep, newest first.</p>
      {latest.error ? <p className="message error">{problemOf(latest.error).message}</p> : null}
      {latest.loading ? (
        <p className="status" role="status">
          Loading the history…
        </p>
      ) : null}
      {latest.data ? (
        <>
          <HistoryList
            entries={entries}
            onReverted={() => {
              setOlder([]);
              latest.reload();
            }}
            headingLevel={2}
          />
          {more.error ? <p className="message error">{more.error}</p> : null}
          {entries.length >= 100 && !more.done ? (
            <button
              type="button"
              className="secondary"
              onClick={() => void loadOlder()}
              disabled={more.busy}
            >
              {more.busy ? 'Loading…' : 'Older changes'}
            </button>
          ) : null}
          {more.done ? <p className="status">That is every change.</p> : null}
        </>
      ) : null}
    </>
  );
}
