import { type FormEvent, useState } from 'react';
import type { HostKeyAnswer, RoomOpening } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { Checkbox, FormError, SelectField, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formats } from '../meeting/RoomPanel.tsx';
import { useProblem } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';

const FORM = 'room';
const FIELDS: ReadonlySet<string> = new Set(['name', 'share_minutes', 'passcode', 'statement']);

/**
 * An online room for no listed meeting (a business meeting, a one-off, a group trying Greendoor
 * out): opened at once, its join link to give out and its host link shown only here, once.
 */
export function NewRoomPage() {
  const [name, setName] = useState('');
  const [format, setFormat] = useState<string>(formats[0][0]);
  const [minutes, setMinutes] = useState('5');
  const [passcode, setPasscode] = useState('');
  const [statement, setStatement] = useState('');
  const [waitingRoom, setWaitingRoom] = useState(true);
  const [privateMessages, setPrivateMessages] = useState(false);
  const [fellowship, setFellowship] = useState(false);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<HostKeyAnswer | null>(null);
  const problems = useProblem(FORM, FIELDS);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      problems.show({ field: 'name', message: 'Give the room a name, such as the group’s.' });
      return;
    }
    const share = Number(minutes);
    if (!Number.isInteger(share) || share < 1 || share > 30) {
      problems.show({
        field: 'share_minutes',
        message: 'Give a whole number of minutes, 1 to 30.',
      });
      return;
    }
    const body: RoomOpening = {
      name: name.trim(),
      format: (formats.find(([value]) => value === format) ?? formats[0])[0],
      share_minutes: share,
      waiting_room: waitingRoom,
      private_messages: privateMessages,
      fellowship_minutes: fellowship ? 30 : 0,
      ...(passcode ? { passcode } : {}),
      ...(statement.trim() ? { statement: statement.trim() } : {}),
    };
    setBusy(true);
    try {
      setOpened(await api.openRoom(body));
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (opened) {
    return (
      <>
        <PageHeading title={`The room “${name.trim()}” is open`} />
        <FocusMessage kind="done">
          The room is ready. Give the join link to those coming, and the host link to whoever
          chairs: the host link is shown only now.
        </FocusMessage>
        <div className="stack">
          <TextField
            id="room-join-url"
            label="Join link"
            value={opened.join_url}
            onValue={() => undefined}
            readOnly
          />
          <TextField
            id="room-host-url"
            label="Host link (keep it to the chair)"
            value={opened.host_url}
            onValue={() => undefined}
            readOnly
          />
          <p>
            <a className="button" href={opened.host_url}>
              Go into the room as its host
            </a>
          </p>
          <p>
            <Link href={href.meetings}>Back to my meetings</Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeading title="Open an online room" />
      <p>
        A room for a meeting the directory does not list: a business meeting, say, or a one-off. To
        give a listed meeting its room, open the meeting and use its “Online room” part. Nothing
        said in a room is kept.
      </p>
      <form className="stack editor" onSubmit={(e) => void open(e)} noValidate>
        <FormError id={FORM} message={problems.general} />
        <TextField
          id={`${FORM}-name`}
          label="Name"
          hint="What people see as they come in."
          value={name}
          onValue={setName}
          error={problems.errorFor('name')}
        />
        <SelectField
          id={`${FORM}-format`}
          label="Format"
          value={format}
          onValue={setFormat}
          options={formats.map(([value, label]) => ({ value, label }))}
        />
        <TextField
          id={`${FORM}-share_minutes`}
          label="Share timer (minutes)"
          inputMode="numeric"
          className="short"
          value={minutes}
          onValue={setMinutes}
          error={problems.errorFor('share_minutes')}
        />
        <TextField
          id={`${FORM}-passcode`}
          label="Passcode (optional)"
          type="password"
          autoComplete="new-password"
          value={passcode}
          onValue={setPasscode}
          error={problems.errorFor('passcode')}
        />
        <TextArea
          id={`${FORM}-statement`}
          label="Confidentiality statement"
          hint="Shown to everyone as they come in. Leave it empty for Greendoor’s own."
          rows={3}
          value={statement}
          onValue={setStatement}
          error={problems.errorFor('statement')}
        />
        <Checkbox
          id={`${FORM}-waiting_room`}
          label="Waiting room: the host lets people in"
          checked={waitingRoom}
          onChecked={setWaitingRoom}
        />
        <Checkbox
          id={`${FORM}-private_messages`}
          label="Members may write privately to each other"
          checked={privateMessages}
          onChecked={setPrivateMessages}
        />
        <Checkbox
          id={`${FORM}-fellowship`}
          label="A fellowship room for 30 minutes after the meeting"
          checked={fellowship}
          onChecked={setFellowship}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Opening…' : 'Open the room'}
          </button>
        </div>
      </form>
    </>
  );
}
