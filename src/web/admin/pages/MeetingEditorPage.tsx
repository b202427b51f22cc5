import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { EditedMeeting, MeetingType } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { FormError } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ListingPreview } from '../meeting/ListingPreview.tsx';
import { RoomPanel } from '../meeting/RoomPanel.tsx';
import { MeetingFieldset, PREFIX } from '../meeting/MeetingFieldset.tsx';
import { badCoordinate, formFields, formOf, isDirty, writeOf } from '../meeting/meeting-form.ts';
import { usePlaceFinder } from '../meeting/use-place-finder.tsx';
import { useTypes } from '../meeting/use-types.ts';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { may } from '../permissions.ts';
import { problemOf, useProblem } from '../problems.ts';
import { Link, navigate } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { nameIn, sentence } from '../format.ts';
import { fieldLabel } from '../field-labels.ts';

/**
 * One meeting's editor: its fields, a preview of the public listing as the server would make it,
 * saving (only what changed), and deleting with a confirmation. A problem the server finds is
 * shown beside the field it names, and focus goes to it.
 */
export function MeetingEditorPage({ slug }: { slug: string }) {
  const loaded = useLoad(`meeting:${slug}`, () => api.meeting(slug));
  const types = useTypes();
  const [saved, setSaved] = useState<{ meeting: EditedMeeting; version: number } | null>(null);
  const [dirty, setDirty] = useState(false);
  const { me } = useSession();
  const meeting = saved?.meeting ?? loaded.data;

  if (loaded.error) {
    return (
      <>
        <PageHeading title="Meeting not found" />
        <p className="message error">{problemOf(loaded.error).message}</p>
        <p>
          <Link href={href.meetings}>Back to my meetings</Link>
        </p>
      </>
    );
  }
  if (!meeting || !types) {
    return (
      <>
        <PageHeading title="Edit a meeting" />
        <p className="status" role="status">
          Loading the meeting…
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Edit “${nameIn(meeting.fields, slug)}”`} />
      <MeetingEditor
        key={saved?.version ?? 0}
        meeting={meeting}
        types={types}
        justSaved={saved !== null}
        onSaved={(answer) => setSaved({ meeting: answer, version: (saved?.version ?? 0) + 1 })}
        onDirty={setDirty}
      />
      <RoomPanel
        slug={meeting.slug}
        conferenceUrl={
          typeof meeting.fields.conference_url === 'string' ? meeting.fields.conference_url : null
        }
        canEdit={may(me, 'edit_listings')}
        meetingDirty={dirty}
        onChanged={async () => {
          // The room set (or took away) the meeting's online link: the form shows it afresh.
          const fresh = await api.meeting(meeting.slug);
          setSaved((before) => ({ meeting: fresh, version: (before?.version ?? 0) + 1 }));
        }}
      />
    </>
  );
}

function MeetingEditor(props: {
  meeting: EditedMeeting;
  types: readonly MeetingType[];
  justSaved: boolean;
  onSaved: (meeting: EditedMeeting) => void;
  /** Whether the form holds changes not saved yet. */
  onDirty: (dirty: boolean) => void;
}) {
  const { meeting } = props;
  const { me, bodies, config } = useSession();
  const [baseline] = useState(() => formOf(meeting.fields, meeting.published));
  const [form, setForm] = useState(baseline);
  const [busy, setBusy] = useState<'saving' | 'previewing' | null>(null);
  const [preview, setPreview] = useState<EditedMeeting | null>(null);
  const [note, setNote] = useState<{ text: string } | null>(null);
  const problems = useProblem(PREFIX, formFields);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const dirty = isDirty(baseline, form);
  useUnsavedWarning(dirty);
  const { onDirty } = props;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const placeFinder = usePlaceFinder({
    form,
    onForm: setForm,
    baseline,
    savedZone: typeof meeting.fields.timezone === 'string' ? meeting.fields.timezone : null,
    zoneAt: async (latitude, longitude) => {
      const answer = await api.preview({ slug: meeting.slug, latitude, longitude });
      return typeof answer.fields.timezone === 'string' ? answer.fields.timezone : null;
    },
  });

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  /** The edit, or null after saying why it cannot be sent. */
  const edit = () => {
    const bad = badCoordinate(form);
    if (bad) {
      problems.show({ field: bad, message: 'Give a number, such as 51.5074 (or leave it empty).' });
      return null;
    }
    return writeOf(baseline, form);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const write = edit();
    if (!write) return;
    if (Object.keys(write).length === 0) {
      problems.clear();
      setNote({ text: 'Nothing has changed yet: there is nothing to save.' });
      return;
    }
    setBusy('saving');
    try {
      const answer = await api.saveMeeting(meeting.slug, write);
      props.onSaved(answer);
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(null);
    }
  };

  const showPreview = async () => {
    const write = edit();
    if (!write) return;
    setBusy('previewing');
    try {
      setPreview(await api.preview({ slug: meeting.slug, ...write }));
      problems.clear();
    } catch (error) {
      setPreview(null);
      problems.fail(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    try {
      await api.deleteMeeting(meeting.slug);
      navigate(href.meetings, {
        flash: `Deleted “${nameIn(meeting.fields, meeting.slug)}”. To bring it back, undo the deletion in History.`,
      });
    } catch (error) {
      problems.fail(error);
    }
  };

  const canEdit = may(me, 'edit_listings');
  const weeks = meeting.fields.weeks_of_month;
  return (
    <>
      <p className="meta">
        Kept by {bodyName(bodies, meeting.service_body_id)} ·{' '}
        {meeting.published ? 'shown in the directory' : 'not shown in the directory'}
      </p>
      {canEdit ? null : (
        <p className="message info">
          Your role lets you see this meeting, not change it: ask an administrator of your service
          body if you should.
        </p>
      )}
      <ul className="inline-links">
        <li>
          <Link href={href.meetingHistory(meeting.slug)}>History of this meeting</Link>
        </li>
        <li>
          <a href={href.publicMeeting(meeting.slug)}>See it in the directory</a>
        </li>
        {typeof meeting.location_id === 'number' ? (
          <li>
            <Link href={href.place(meeting.location_id)}>Edit its place, for all its meetings</Link>
          </li>
        ) : null}
        {typeof meeting.group_id === 'number' ? (
          <li>
            <Link href={href.group(meeting.group_id)}>Edit its group, for all its meetings</Link>
          </li>
        ) : null}
      </ul>
      {props.justSaved && !dirty ? (
        <FocusMessage kind="done">Saved. The directory shows the change now.</FocusMessage>
      ) : null}
      {props.justSaved && meeting.warnings.length > 0 ? (
        <div className="message info">
          <p>Saved as it is, but worth a look:</p>
          <ul>
            {meeting.warnings.map((w, i) => (
              <li key={i}>
                {fieldLabel(w.field)}: {sentence(w.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {note ? (
        <FocusMessage kind="info" nonce={note}>
          {note.text}
        </FocusMessage>
      ) : null}
      <form className="stack editor" onSubmit={(e) => void save(e)} noValidate>
        <FormError id={PREFIX} message={problems.general} />
        <MeetingFieldset
          form={form}
          onForm={setForm}
          types={props.types}
          errorFor={problems.errorFor}
          tiles={config.tiles}
          place={placeFinder.place}
          onFindAddress={placeFinder.onFindAddress}
          finding={placeFinder.finding}
          kept={
            Array.isArray(weeks) && weeks.length > 0 ? (
              <p className="hint">
                Meets on weeks {weeks.join(', ')} of the month (kept as it is; −1 is the last).
              </p>
            ) : null
          }
        />
        <div className="form-actions">
          <span className="dirty" aria-live="polite">
            {dirty ? 'Changes not saved yet' : ''}
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() => void showPreview()}
            disabled={busy !== null}
          >
            {busy === 'previewing' ? 'Making the preview…' : 'Preview'}
          </button>
          <button type="submit" disabled={busy !== null || !canEdit}>
            {busy === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      {preview ? (
        <section className="preview-section" aria-labelledby="preview-heading">
          <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
            Preview: the listing as the public would see it
          </h2>
          <p className="hint">Nothing is saved yet.</p>
          <ListingPreview meeting={preview} types={props.types} />
        </section>
      ) : null}
      {canEdit ? (
        <section className="danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p>
            For a meeting that has closed for good. For a break, tick “Temporary Closure” or
            unpublish it instead.
          </p>
          <ConfirmAction
            label="Delete this meeting"
            question={`Delete “${nameIn(meeting.fields, meeting.slug)}”? It leaves the directory at once. Its history keeps what it said, so it can be brought back from History.`}
            confirmLabel="Yes, delete it"
            danger
            onConfirm={remove}
          />
        </section>
      ) : null}
    </>
  );
}
