import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ChangeRequest } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { fieldLabel } from '../field-labels.ts';
import { valueText, when } from '../format.ts';
import { daysOf } from '../meeting/meeting-form.ts';
import { bodiesWhere } from '../permissions.ts';
import { useProblem } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { useSession } from '../session.tsx';
import { ChangeTable } from './ChangeTable.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { Checkbox, FormError, SelectField, TextArea, TextField } from './fields.tsx';

/** A proposed value as text to edit, and back as the kind of value it was. */
function editable(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function proposed(field: string, original: unknown, text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (field === 'day') {
    const days = daysOf(t.split(/[\s,]+/).map(Number));
    return days.length === 1 ? days[0] : days;
  }
  if (Array.isArray(original))
    return t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof original === 'number') {
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : t;
  }
  return t;
}

/**
 * One request: what was said, what would change (field, now, proposed), and the decisions:
 * approve, edit the proposed values then approve, reject (with a reply), release a held one.
 */
export function RequestCard(props: {
  request: ChangeRequest;
  /** Decided: what to say, and whether the queue should be read again. */
  onDecided: (message: string, reload?: boolean) => void;
}) {
  const { request: r } = props;
  const { me, bodies } = useSession();
  const form = `request-${r.id}`;
  const [editing, setEditing] = useState(false);
  // Fields are shown (and problems beside them) only while editing the proposed values.
  const [fields] = useState(() => ({
    editing: new Set(r.diff.map((d) => d.field)),
    idle: new Set<string>(),
  }));
  const problems = useProblem(form, editing ? fields.editing : fields.idle);
  const firstField = r.diff[0]?.field;
  const editButton = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (editing && firstField) document.getElementById(`${form}-${firstField}`)?.focus();
    // Back from editing: focus where it was, on the button that opened it.
    else if (opened) editButton.current?.focus();
  }, [editing, firstField, form, opened]);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(r.diff.map((d) => [d.field, editable(d.after)])),
  );
  const [booleans, setBooleans] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(
      r.diff.filter((d) => typeof d.after === 'boolean').map((d) => [d.field, d.after === true]),
    ),
  );
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const suggestion = r.meeting === null;
  const targets = bodiesWhere(me, 'edit_listings', bodies);
  const [bodyId, setBodyId] = useState(() => String(r.service_body_id ?? targets[0]?.id ?? ''));
  const title = suggestion ? 'A new meeting suggested' : `“${r.meeting_name ?? r.meeting}”`;

  const approve = async (changes?: Record<string, unknown>) => {
    setBusy(true);
    try {
      await api.approve(r.id, {
        ...(changes ? { changes } : {}),
        ...(suggestion && bodyId ? { service_body_id: Number(bodyId) } : {}),
        ...(reply.trim() ? { reply: reply.trim() } : {}),
      });
      props.onDecided(
        suggestion
          ? 'Approved: the suggested meeting is in the directory now.'
          : `Approved: ${title} now says what was asked.`,
      );
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const approveEdited = (event: FormEvent) => {
    event.preventDefault();
    const original = new Map(r.diff.map((d) => [d.field, d.after]));
    const changes = Object.fromEntries(
      r.diff.map((d) => [
        d.field,
        typeof d.after === 'boolean'
          ? (booleans[d.field] ?? false)
          : proposed(d.field, original.get(d.field), values[d.field] ?? ''),
      ]),
    );
    void approve(changes);
  };

  const reject = async () => {
    try {
      await api.reject(r.id, reply.trim() || null);
      props.onDecided(`Rejected the request about ${title}.`);
    } catch (error) {
      problems.fail(error);
    }
  };

  const release = async () => {
    setBusy(true);
    try {
      await api.release(r.id);
      props.onDecided(`Released the request about ${title}: it is waiting for an answer.`, true);
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="request" aria-labelledby={`${form}-title`}>
      <h3 id={`${form}-title`}>
        {suggestion || !r.meeting ? title : <Link href={href.meeting(r.meeting)}>{title}</Link>}
      </h3>
      <p className="meta">
        Sent {when(r.at)} ·{' '}
        {r.email ? `they gave an address for a reply (${r.email})` : 'no address for a reply'}
      </p>
      <blockquote className="pre">{r.message}</blockquote>
      {r.diff.length > 0 ? (
        <ChangeTable
          caption={`What the request about ${title} would change`}
          changes={r.diff}
          beforeLabel="Now"
          afterLabel="Proposed"
        />
      ) : (
        <p className="hint">
          No fields proposed: read the message, and edit the meeting if it is right.
        </p>
      )}
      <FormError id={form} message={problems.general} />
      {suggestion ? (
        <SelectField
          id={`${form}-service_body_id`}
          label="Kept by (if approved)"
          value={bodyId}
          onValue={setBodyId}
          options={targets.map((b) => ({ value: String(b.id), label: b.name }))}
        />
      ) : null}
      <TextArea
        id={`${form}-reply`}
        label="Reply (optional)"
        hint={
          r.email
            ? 'Sent to them by e-mail with your decision, when this server sends mail.'
            : 'They left no address: the reply is only kept with the request.'
        }
        rows={2}
        value={reply}
        onValue={setReply}
      />
      {editing ? (
        <form
          className="stack edit-request"
          onSubmit={approveEdited}
          aria-label={`Edit the proposed values for ${title}`}
        >
          {r.diff.map((d) =>
            typeof d.after === 'boolean' ? (
              <Checkbox
                key={d.field}
                id={`${form}-${d.field}`}
                label={fieldLabel(d.field)}
                checked={booleans[d.field] ?? false}
                onChecked={(on) => setBooleans({ ...booleans, [d.field]: on })}
                error={problems.errorFor(d.field)}
              />
            ) : (
              <TextField
                key={d.field}
                id={`${form}-${d.field}`}
                label={fieldLabel(d.field)}
                hint={`Now: ${valueText(d.field, d.before)}${d.field === 'day' ? ' (0 is Sunday, 6 Saturday)' : ''}`}
                value={values[d.field] ?? ''}
                onValue={(v) => setValues({ ...values, [d.field]: v })}
                error={problems.errorFor(d.field)}
              />
            ),
          )}
          <div className="actions">
            <button type="submit" disabled={busy}>
              Approve with these values
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel editing
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void approve()} disabled={busy}>
            Approve
          </button>
          {r.diff.length > 0 ? (
            <button
              ref={editButton}
              type="button"
              className="secondary"
              onClick={() => {
                setOpened(true);
                setEditing(true);
              }}
            >
              Edit, then approve
            </button>
          ) : null}
          {r.status === 'held' ? (
            <button
              type="button"
              className="secondary"
              onClick={() => void release()}
              disabled={busy}
            >
              Release
            </button>
          ) : null}
          <ConfirmAction
            label="Reject"
            question={`Reject the request about ${title}? Nothing changes in the listing.`}
            confirmLabel="Yes, reject it"
            onConfirm={reject}
          />
        </div>
      )}
    </article>
  );
}
