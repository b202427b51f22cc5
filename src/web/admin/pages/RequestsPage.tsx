import { useState } from 'react';
import type { ChangeRequest } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequestCard } from '../components/RequestCard.tsx';
import { problemOf } from '../problems.ts';
import { useLoad } from '../use-load.ts';

/**
 * The change requests of the person's service bodies: "this listing is wrong" and "a meeting
 * you do not list", from the public. Those sent without the page's proof of work (often bots)
 * are held apart until a volunteer releases them.
 */
export function RequestsPage() {
  const queue = useLoad('requests', () => api.changeRequests());
  const [done, setDone] = useState<{ ids: ReadonlySet<number>; text: string }>({
    ids: new Set(),
    text: '',
  });
  const requests = (queue.data?.change_requests ?? []).filter((r) => !done.ids.has(r.id));
  const open = requests.filter((r) => r.status === 'open');
  const held = requests.filter((r) => r.status === 'held');

  const decided = (request: ChangeRequest, text: string, reload = false) => {
    setDone({
      ids: reload ? new Set() : new Set([...done.ids, request.id]),
      text,
    });
    if (reload) queue.reload();
  };

  return (
    <>
      <PageHeading title="Change requests" />
      <p>
        What the public asked to change. Approving makes the change as your own edit (checked, and
        in the history); you can edit the proposed values first.
      </p>
      {done.text ? (
        <FocusMessage kind="done" nonce={done}>
          {done.text}
        </FocusMessage>
      ) : null}
      {queue.error ? <p className="message error">{problemOf(queue.error).message}</p> : null}
      {queue.loading ? (
        <p className="status" role="status">
          Loading the requests…
        </p>
      ) : null}
      {queue.data ? (
        <>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading">Waiting for an answer ({open.length})</h2>
            {open.length === 0 ? <p>Nothing is waiting. Thank you.</p> : null}
            <ul className="requests">
              {open.map((r) => (
                <li key={r.id}>
                  <RequestCard request={r} onDecided={(text, reload) => decided(r, text, reload)} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="held-heading" className="held">
            <h2 id="held-heading">Held as possible spam ({held.length})</h2>
            <p className="hint">
              Sent without the check the site’s own form makes, which is how most spam arrives.
              Release one that a person really wrote, or reject it.
            </p>
            {held.length === 0 ? <p>None held.</p> : null}
            <ul className="requests">
              {held.map((r) => (
                <li key={r.id}>
                  <RequestCard request={r} onDecided={(text, reload) => decided(r, text, reload)} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
