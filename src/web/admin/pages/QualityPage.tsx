import { useState } from 'react';
import type { QualityFinding, QualityKind } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { bodiesWhere } from '../permissions.ts';
import { problemOf } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

const kinds: readonly { kind: QualityKind; heading: string; about: string }[] = [
  {
    kind: 'unusable_link',
    heading: 'Online meetings people cannot join',
    about: 'The link or phone number cannot be used as it is written.',
  },
  {
    kind: 'no_coordinates',
    heading: 'Not on the map',
    about: 'Without a point, the meeting is missing from searches near a place.',
  },
  {
    kind: 'likely_duplicate',
    heading: 'Maybe listed twice',
    about: 'Same place, same day, same start time as another listing.',
  },
  {
    kind: 'slug_taken',
    heading: 'Listed under another address',
    about: 'Another source had its web address first, so it is published under a different one.',
  },
  {
    kind: 'stale',
    heading: 'Not checked for a year',
    about: 'Nobody has changed or confirmed these in twelve months: are they still right?',
  },
];

/** The service bodies to look at, or one body's findings grouped by kind. */
export function QualityPage({ bodyId }: { bodyId: number | null }) {
  const { me, bodies } = useSession();
  if (bodyId === null) {
    const mine = bodiesWhere(me, 'read_private', bodies);
    return (
      <>
        <PageHeading title="Data quality" />
        <p>What needs care in the listings of a service body and the bodies beneath it.</p>
        {mine.length === 0 ? (
          <p>You have no role on a service body yet.</p>
        ) : (
          <ul className="plain-list">
            {mine.map((b) => (
              <li key={b.id}>
                <Link href={href.quality(b.id)}>{b.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return <QualityReportView bodyId={bodyId} title={`Data quality: ${bodyName(bodies, bodyId)}`} />;
}

function QualityReportView({ bodyId, title }: { bodyId: number; title: string }) {
  const report = useLoad(`quality:${bodyId}`, () => api.quality(bodyId));
  const findings = report.data?.findings ?? [];
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link href={href.quality()}>All service bodies</Link>
      </p>
      {report.error ? <p className="message error">{problemOf(report.error).message}</p> : null}
      {report.loading ? (
        <p className="status" role="status">
          Checking the listings…
        </p>
      ) : null}
      {report.data ? (
        <>
          <p>
            {report.data.meetings} meeting{report.data.meetings === 1 ? '' : 's'} checked,{' '}
            {findings.length === 0 ? 'nothing to fix.' : `${findings.length} to look at.`}
          </p>
          {kinds.map((k) => {
            const ofKind = findings.filter((f) => f.kind === k.kind);
            if (ofKind.length === 0) return null;
            return (
              <section key={k.kind} aria-labelledby={`kind-${k.kind}`}>
                <h2 id={`kind-${k.kind}`}>
                  {k.heading} ({ofKind.length})
                </h2>
                <p className="hint">{k.about}</p>
                <ul className="findings">
                  {ofKind.map((f, i) => (
                    <li key={`${f.meeting}-${i}`}>
                      <Finding finding={f} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}

/** The finding's meeting, what is wrong, its edit link and, when the fix is obvious, the fix. */
function Finding({ finding }: { finding: QualityFinding }) {
  const [state, setState] = useState<{ busy: boolean; done: string | null; error: string | null }>({
    busy: false,
    done: null,
    error: null,
  });
  const fix = finding.fix;
  const apply = async () => {
    if (!fix) return;
    setState({ busy: true, done: null, error: null });
    try {
      const answer = await api.fix(fix);
      const failed = (
        answer as { results?: { ok: boolean; message?: string }[] } | null
      )?.results?.find((r) => !r.ok);
      setState(
        failed
          ? { busy: false, done: null, error: failed.message ?? 'It could not be done.' }
          : { busy: false, done: `Done: ${fix.label.toLowerCase()}.`, error: null },
      );
    } catch (error) {
      setState({ busy: false, done: null, error: problemOf(error).message });
    }
  };
  return (
    <div className="finding">
      <p>
        <strong>{finding.meeting}</strong>: {finding.detail}
        {finding.other ? (
          <>
            {' '}
            (see <Link href={href.meeting(finding.other)}>{finding.other}</Link>)
          </>
        ) : null}
      </p>
      <div className="actions">
        <Link
          href={finding.edit.startsWith('/admin/') ? finding.edit : href.meeting(finding.meeting)}
        >
          Edit “{finding.meeting}”
        </Link>
        {finding.location_id !== undefined ? (
          <Link href={href.place(finding.location_id)}>Edit the place</Link>
        ) : null}
        {fix && !state.done ? (
          <button
            type="button"
            className="secondary"
            disabled={state.busy}
            onClick={() => void apply()}
          >
            {fix.label}
          </button>
        ) : null}
      </div>
      {state.done ? (
        <FocusMessage kind="done" nonce={state.done}>
          {state.done}
        </FocusMessage>
      ) : null}
      {state.error ? (
        <FocusMessage kind="error" nonce={state.error}>
          {state.error}
        </FocusMessage>
      ) : null}
    </div>
  );
}
