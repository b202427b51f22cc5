import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { Invitation, MemberRole, Volunteer } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { FormError, SelectField, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { bodiesWhere, may, roleLabels, roleNames } from '../permissions.ts';
import { problemOf, useProblem } from '../problems.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

const FORM = 'invite';
const FIELDS = new Set(['email', 'service_body_id', 'role']);
const roles: readonly MemberRole[] = ['editor', 'observer', 'body_admin'];
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/**
 * The volunteers on the person's service bodies: who has which role, an invitation for someone
 * new (with the one-time link to pass on), and roles changed or taken away.
 */
export function VolunteersPage() {
  const { me, bodies } = useSession();
  const list = useLoad('volunteers', () => api.volunteers());
  const manageable = bodiesWhere(me, 'manage_volunteers', bodies);
  if (!may(me, 'manage_volunteers')) {
    return (
      <>
        <PageHeading title="Volunteers" />
        <p>Only a service body’s admins invite volunteers: ask yours.</p>
      </>
    );
  }
  return (
    <>
      <PageHeading title="Volunteers" />
      <Invite bodies={manageable} onInvited={list.reload} />
      <section aria-labelledby="volunteers-heading">
        <h2 id="volunteers-heading">Who keeps the listings</h2>
        {list.error ? <p className="message error">{problemOf(list.error).message}</p> : null}
        {list.loading ? <p className="status">Loading…</p> : null}
        <ul className="volunteers">
          {(list.data?.users ?? []).map((u) => (
            <li key={u.id}>
              <VolunteerRoles
                volunteer={u}
                manageable={new Set(manageable.map((b) => b.id))}
                onChanged={list.reload}
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Invite(props: { bodies: readonly { id: number; name: string }[]; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [bodyId, setBodyId] = useState(() => String(props.bodies[0]?.id ?? ''));
  const [role, setRole] = useState<MemberRole>('editor');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Invitation | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const linkField = useRef<HTMLTextAreaElement>(null);
  const problems = useProblem(FORM, FIELDS);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setCopied(null);
    try {
      const answer = await api.invite({
        email: email.trim(),
        service_body_id: Number(bodyId),
        role,
      });
      problems.clear();
      setSent(answer);
      setEmail('');
      props.onInvited();
    } catch (error) {
      setSent(null);
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!sent?.link) return;
    try {
      await navigator.clipboard.writeText(sent.link);
      setCopied('Copied: paste it into a message to them.');
    } catch {
      linkField.current?.select();
      setCopied('Selected: copy it with Ctrl+C (or ⌘C) and paste it into a message to them.');
    }
  };

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a volunteer</h2>
      <form className="stack" onSubmit={(e) => void invite(e)} noValidate>
        <FormError id={FORM} message={problems.general} />
        <TextField
          id={`${FORM}-email`}
          label="Their e-mail address"
          type="email"
          autoComplete="off"
          value={email}
          onValue={setEmail}
          error={problems.errorFor('email')}
        />
        <SelectField
          id={`${FORM}-service_body_id`}
          label="For the service body"
          value={bodyId}
          onValue={setBodyId}
          options={props.bodies.map((b) => ({ value: String(b.id), label: b.name }))}
          error={problems.errorFor('service_body_id')}
        />
        <SelectField
          id={`${FORM}-role`}
          label="As"
          value={role}
          onValue={(v) => setRole(v as MemberRole)}
          options={roleOptions}
          error={problems.errorFor('role')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </form>
      {sent ? (
        <div className="invitation">
          {sent.link ? (
            <>
              <FocusMessage kind="done" nonce={sent}>
                Invited {sent.email}.{' '}
                {sent.mailed
                  ? 'The link is on its way to them by e-mail; it is here too.'
                  : 'This server sends no mail: pass the link below on to them yourself.'}
              </FocusMessage>
              <div className="field">
                <label htmlFor="invite-link">Their one-time link (works once, for 7 days)</label>
                <textarea
                  id="invite-link"
                  ref={linkField}
                  readOnly
                  rows={3}
                  value={sent.link}
                  onFocus={(e) => e.target.select()}
                />
              </div>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void copy()}>
                  Copy the link
                </button>
                <span role="status">{copied}</span>
              </div>
              <p className="hint">
                Anyone with the link can set the password, so send it only to them, privately.
              </p>
            </>
          ) : (
            <FocusMessage kind="done" nonce={sent}>
              {sent.email} already has an account: they have the role now, and see it when they next
              sign in.
            </FocusMessage>
          )}
        </div>
      ) : null}
    </section>
  );
}

function VolunteerRoles(props: {
  volunteer: Volunteer;
  manageable: ReadonlySet<number>;
  onChanged: () => void;
}) {
  const { me, bodies } = useSession();
  const { volunteer: v } = props;
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const say = (text: string, ok: boolean) => setMessage({ text, ok });

  const change = async (bodyId: number, role: MemberRole) => {
    try {
      await api.setRole(v.id, bodyId, role);
      say(
        `${v.email} is now ${roleNames[role].toLowerCase()} of ${bodyName(bodies, bodyId)}.`,
        true,
      );
      props.onChanged();
    } catch (error) {
      say(problemOf(error).message, false);
    }
  };
  const remove = async (bodyId: number) => {
    try {
      await api.removeRole(v.id, bodyId);
      say(`${v.email} has no role on ${bodyName(bodies, bodyId)} any more.`, true);
      props.onChanged();
    } catch (error) {
      say(problemOf(error).message, false);
    }
  };

  return (
    <article aria-labelledby={`volunteer-${v.id}`} className="volunteer">
      <h3 id={`volunteer-${v.id}`}>{v.email}</h3>
      <p className="meta">
        {v.is_admin ? 'Server administrator · ' : ''}
        {v.password_set ? 'has signed up' : 'has not set a password yet'}
        {v.id === me.id ? ' · you' : ''}
      </p>
      {message ? (
        <FocusMessage kind={message.ok ? 'done' : 'error'} nonce={message}>
          {message.text}
        </FocusMessage>
      ) : null}
      {v.roles.length === 0 ? <p>No roles on your service bodies.</p> : null}
      <ul className="roles">
        {v.roles.map((r) => {
          const id = `role-${v.id}-${r.service_body_id}`;
          const mayChange = props.manageable.has(r.service_body_id);
          return (
            <li key={r.service_body_id}>
              {mayChange ? (
                <RoleChoice
                  id={id}
                  label={`Role on ${bodyName(bodies, r.service_body_id)}`}
                  role={r.role}
                  onChange={(role) => change(r.service_body_id, role)}
                  remove={
                    <ConfirmAction
                      label={`Remove from ${bodyName(bodies, r.service_body_id)}`}
                      question={`Take away ${v.email}’s role on ${bodyName(bodies, r.service_body_id)}? They can no longer change its listings.`}
                      confirmLabel="Yes, remove the role"
                      danger
                      onConfirm={() => remove(r.service_body_id)}
                    />
                  }
                />
              ) : (
                <p>
                  {roleNames[r.role]} of {bodyName(bodies, r.service_body_id)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

/** A role to choose, changed only with its button (choosing in a list changes nothing yet). */
function RoleChoice(props: {
  id: string;
  label: string;
  role: MemberRole;
  onChange: (role: MemberRole) => Promise<void>;
  remove: ReactNode;
}) {
  const [role, setRole] = useState<MemberRole>(props.role);
  const [busy, setBusy] = useState(false);
  return (
    <div className="role-choice">
      <SelectField
        id={props.id}
        label={props.label}
        value={role}
        onValue={(value) => setRole(value as MemberRole)}
        options={roles.map((x) => ({ value: x, label: roleNames[x] }))}
      />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy || role === props.role}
          onClick={() => {
            setBusy(true);
            void props.onChange(role).finally(() => setBusy(false));
          }}
        >
          Change the role
        </button>
        {props.remove}
      </div>
    </div>
  );
}
