import { type FormEvent, useState } from 'react';
import type { MeetingRoom, MeetingRoomWrite } from '../admin-api-types.ts';
import { ApiError, api } from '../api-client.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { problemOf } from '../problems.ts';
import { useLoad } from '../use-load.ts';

/** The room formats, each with what it holds. */
export const formats = [
  ['twelve-step', '12-step meeting (opening, readings, shares, 7th Tradition, closing)'],
  ['smart', 'SMART Recovery meeting (check-in, agenda, working time, check-out)'],
  ['open', 'Open format (opening, shares, closing)'],
] as const;

type Said = { kind: 'done' | 'error'; text: string; hostUrl?: string; nonce: number };

/**
 * A meeting's Greendoor room (docs/rooms-protocol.md): give the meeting one, whose link becomes
 * its online link in the listing and the feed; change how it runs; make a new host key; or remove
 * it. The host link is shown once, when a key is made. `onChanged` reloads the meeting (its
 * online link changed); while the meeting has unsaved changes the room waits, so none are lost.
 */
export function RoomPanel(props: {
  slug: string;
  /** The meeting's online link: a room's link (…/rooms/{id}) says there is a room to read. */
  conferenceUrl: string | null;
  canEdit: boolean;
  meetingDirty: boolean;
  onChanged: () => Promise<void>;
}) {
  const { slug } = props;
  const linked = /\/rooms\/[A-Za-z0-9_-]{22}$/.test(props.conferenceUrl ?? '');
  const loaded = useLoad(linked ? `room:${slug}` : null, () =>
    api.meetingRoom(slug).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }),
  );
  const [room, setRoom] = useState<MeetingRoom | null | undefined>(undefined);
  const current =
    room !== undefined ? room : !linked ? null : loaded.loading ? undefined : loaded.data;
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const say = (s: Omit<Said, 'nonce'>) => setSaid({ ...s, nonce: Date.now() });
  const blocked = !props.canEdit || props.meetingDirty || busy;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const passcode = text('passcode');
    const format = (formats.find(([value]) => value === text('format')) ?? formats[0])[0];
    const write: MeetingRoomWrite = {
      format,
      statement: text('statement').trim() || null,
      // The readings belong to the steps of the format shown; another format starts from its own.
      ...(current && format === current.format
        ? {
            steps: current.steps.map((step, i) => ({
              ...step,
              text: text(`step-${i}`).trim(),
            })),
          }
        : current
          ? { steps: null }
          : {}),
      waiting_room: data.get('waiting_room') === 'on',
      private_messages: data.get('private_messages') === 'on',
      share_minutes: Number(data.get('share_minutes')),
      fellowship_minutes: data.get('fellowship') === 'on' ? 30 : 0,
      ...(data.get('no_passcode') === 'on' ? { passcode: null } : passcode ? { passcode } : {}),
    };
    setBusy(true);
    try {
      const answer = await api.saveMeetingRoom(slug, write);
      setRoom(answer);
      await props.onChanged();
      say(
        answer.host_url
          ? {
              kind: 'done',
              text: 'The room is ready, and its link is now the meeting’s online link. Give the host link below to whoever chairs: it is shown only now.',
              hostUrl: answer.host_url,
            }
          : { kind: 'done', text: 'Saved: the room runs this way from its next meeting.' },
      );
    } catch (error) {
      say({ kind: 'error', text: problemOf(error).message });
    } finally {
      setBusy(false);
    }
  };

  const newKey = async () => {
    try {
      const answer = await api.newHostKey(slug);
      say({
        kind: 'done',
        text: 'A new host key: the old host link no longer works. Give this one to whoever chairs; it is shown only now.',
        hostUrl: answer.host_url,
      });
    } catch (error) {
      say({ kind: 'error', text: problemOf(error).message });
    }
  };

  const remove = async () => {
    try {
      await api.removeMeetingRoom(slug);
      setRoom(null);
      await props.onChanged();
      say({ kind: 'done', text: 'The room is removed, and with it the meeting’s online link.' });
    } catch (error) {
      say({ kind: 'error', text: problemOf(error).message });
    }
  };

  return (
    <section className="room-panel" aria-labelledby="room-heading">
      <h2 id="room-heading">Online room</h2>
      <p className="hint">
        A Greendoor room is a text meeting where people take turns to share, with a waiting room and
        the group’s confidentiality statement. Nothing said in it is kept.
      </p>
      {said ? (
        <FocusMessage kind={said.kind} nonce={said.nonce}>
          {said.text}
          {said.hostUrl ? (
            <>
              {' '}
              <label htmlFor="room-host-url">Host link</label>{' '}
              <input id="room-host-url" readOnly value={said.hostUrl} />
            </>
          ) : null}
        </FocusMessage>
      ) : null}
      {loaded.error ? <p className="message error">{problemOf(loaded.error).message}</p> : null}
      {current === undefined ? (
        <p className="status" role="status">
          Looking for the meeting’s room…
        </p>
      ) : (
        <>
          {current ? (
            <p>
              Join link: <a href={current.join_url}>{current.join_url}</a>
            </p>
          ) : (
            <p>This meeting has no Greendoor room.</p>
          )}
          {props.meetingDirty ? (
            <p className="message info">Save or undo the changes above first.</p>
          ) : null}
          <form onSubmit={(e) => void save(e)} aria-labelledby="room-heading">
            <fieldset disabled={blocked}>
              <legend>How the room runs</legend>
              <label htmlFor="room-format">Format</label>
              <select
                id="room-format"
                name="format"
                defaultValue={current?.format ?? 'twelve-step'}
              >
                {formats.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              <label htmlFor="room-share">Share timer (minutes)</label>
              <input
                id="room-share"
                name="share_minutes"
                type="number"
                min={1}
                max={30}
                defaultValue={current?.share_minutes ?? 5}
              />
              <label htmlFor="room-passcode">
                {current?.passcode_required
                  ? 'New passcode (blank: keep it)'
                  : 'Passcode (optional)'}
              </label>
              <input
                id="room-passcode"
                name="passcode"
                type="password"
                autoComplete="new-password"
              />
              {current?.passcode_required ? (
                <FormCheck name="no_passcode" label="No passcode any more" />
              ) : null}
              <label htmlFor="room-statement">Confidentiality statement</label>
              <p className="hint" id="room-statement-hint">
                Shown to everyone as they come in, before anything else. Leave it empty for
                Greendoor’s own.
              </p>
              <textarea
                id="room-statement"
                name="statement"
                rows={3}
                maxLength={2000}
                aria-describedby="room-statement-hint"
                defaultValue={current && !current.statement_is_default ? current.statement : ''}
              />
              {current ? (
                <fieldset className="room-steps">
                  <legend>The steps, and what everyone reads in each</legend>
                  <p className="hint">
                    The chair moves through these; put the group’s own readings (its preamble, its
                    literature) in them. A new format starts from its own steps.
                  </p>
                  {current.steps.map((step, i) => (
                    <div className="field" key={`${current.format}-${i}`}>
                      <label htmlFor={`room-step-${i}`}>
                        {i + 1}. {step.title}
                      </label>
                      <textarea
                        id={`room-step-${i}`}
                        name={`step-${i}`}
                        rows={2}
                        maxLength={6000}
                        defaultValue={step.text}
                      />
                    </div>
                  ))}
                </fieldset>
              ) : null}
              <FormCheck
                name="waiting_room"
                checked={current?.waiting_room ?? true}
                label="Waiting room: the host lets people in"
              />
              <FormCheck
                name="private_messages"
                checked={current?.private_messages ?? false}
                label="Members may write privately to each other"
              />
              <FormCheck
                name="fellowship"
                checked={(current?.fellowship_minutes ?? 0) > 0}
                label="A fellowship room for 30 minutes after the meeting"
              />
              <button type="submit">
                {busy ? 'Saving…' : current ? 'Save the room' : 'Give this meeting a room'}
              </button>
            </fieldset>
          </form>
          {current && props.canEdit && !props.meetingDirty ? (
            <div className="form-actions">
              <ConfirmAction
                label="Make a new host key"
                question="Make a new host key? The host link given out before stops working."
                confirmLabel="Yes, a new key"
                onConfirm={newKey}
              />
              <ConfirmAction
                label="Remove the room"
                question="Remove this meeting’s room? Its link stops working, and the meeting has no online link until you give it one."
                confirmLabel="Yes, remove it"
                danger
                onConfirm={remove}
              />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** A checkbox of the room's form, read from the form's data when it is sent. */
function FormCheck(props: { name: string; label: string; checked?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" name={props.name} defaultChecked={props.checked ?? false} />{' '}
      {props.label}
    </label>
  );
}
