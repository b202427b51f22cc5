import { api } from '../api-client.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { problemOf } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { useLoad } from '../use-load.ts';

/** Every change to one meeting (also of a deleted one), newest first, each one undoable. */
export function MeetingHistoryPage({ slug }: { slug: string }) {
  const history = useLoad(`history:${slug}`, () => api.meetingHistory(slug));
  return (
    <>
      <PageHeading title={`History of “${slug}”`} />
      <p>
        <Link href={href.meeting(slug)}>Back to the meeting</Link>
      </p>
      {history.error ? <p className="message error">{problemOf(history.error).message}</p> : null}
      {history.loading ? (
        <p className="status" role="status">
          Loading the history…
        </p>
      ) : null}
      {history.data ? (
        <HistoryList entries={history.data.history} onReverted={history.reload} headingLevel={2} />
      ) : null}
    </>
  );
}
