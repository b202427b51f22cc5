import { type FormEvent, useState } from 'react';
import type { TotpSetup } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { FormError, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { roleNames } from '../permissions.ts';
import { problemOf, useProblem } from '../problems.ts';
import { useSession } from '../session.tsx';

const PASSWORD_FIELDS = new Set(['current_password', 'password']);
const CODE_FIELDS = new Set(['code']);
const OFF_FIELDS = new Set(['password']);

/** The person's own account: their roles, password, second factor, and their sessions. */
export function AccountPage() {
  const { me, signedOut } = useSession();
  const [ended, setEnded] = useState<string | null>(null);
  const everywhere = async () => {
    try {
      const answer = await api.logoutEverywhere();
      signedOut(
        `Signed out everywhere: ${answer.sessions_ended} session${answer.sessions_ended === 1 ? '' : 's'} ended, this one too.`,
      );
    } catch (error) {
      setEnded(problemOf(error).message);
    }
  };
  return (
    <>
      <PageHeading title="My account" />
      <p>
        Signed in as <strong>{me.email}</strong>
        {me.is_admin ? ', a server administrator' : ''}.
      </p>
      {me.roles.length > 0 ? (
        <ul className="plain-list">
          {me.roles.map((r) => (
            <li key={r.service_body_id}>
              {roleNames[r.role]} of {r.service_body ?? `service body ${r.service_body_id}`}
            </li>
          ))}
        </ul>
      ) : null}
      <ChangePassword />
      <SecondFactor />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>
          Ends every session of your account: on this browser and any other (a shared computer, a
          lost phone).
        </p>
        {ended ? <FocusMessage kind="error">{ended}</FocusMessage> : null}
        <ConfirmAction
          label="Sign out everywhere"
          question="Sign out of every browser, this one too?"
          confirmLabel="Yes, sign out everywhere"
          onConfirm={everywhere}
        />
      </section>
    </>
  );
}

function ChangePassword() {
  const form = 'change-password';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useProblem(form, PASSWORD_FIELDS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await api.changePassword(current, next);
      problems.clear();
      setCurrent('');
      setNext('');
      setDone(answer.message);
    } catch (error) {
      setDone(null);
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {done ? (
        <FocusMessage kind="done" nonce={done}>
          {done}
        </FocusMessage>
      ) : null}
      <form className="stack narrow" onSubmit={(e) => void submit(e)} noValidate>
        <FormError id={form} message={problems.general} />
        <TextField
          id={`${form}-current_password`}
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          error={problems.errorFor('current_password')}
        />
        <TextField
          id={`${form}-password`}
          label="New password"
          hint="At least 10 characters. Your other sessions end."
          type="password"
          autoComplete="new-password"
          value={next}
          onValue={setNext}
          error={problems.errorFor('password')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Change the password
          </button>
        </div>
      </form>
    </section>
  );
}

/** Switching the authenticator-app code on (setup, then a code to prove it works) or off. */
function SecondFactor() {
  const { me, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onForm = useProblem('totp-on', CODE_FIELDS);
  const offForm = useProblem('totp-off', OFF_FIELDS);

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await api.totpSetup());
      setDone(null);
      onForm.clear();
    } catch (error) {
      onForm.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const switchOn = async (event: FormEvent) => {
    event.preventDefault();
    if (!setup) return;
    setBusy(true);
    try {
      await api.totpOn(setup.secret, code.replace(/\s/g, ''));
      setSetup(null);
      setCode('');
      setDone('The code is switched on: you will be asked for it each time you sign in.');
      await refresh();
    } catch (error) {
      onForm.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const switchOff = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.totpOff(password);
      setPassword('');
      setDone('The code is switched off: your password alone signs you in.');
      await refresh();
    } catch (error) {
      offForm.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">A code from your phone</h2>
      <p>
        With this on, signing in also needs the 6-digit code an authenticator app shows (such as
        Google Authenticator, Authy or FreeOTP), so a stolen password is not enough.
      </p>
      {done ? (
        <FocusMessage kind="done" nonce={done}>
          {done}
        </FocusMessage>
      ) : null}
      {me.totp ? (
        <form className="stack narrow" onSubmit={(e) => void switchOff(e)} noValidate>
          <p>It is on.</p>
          <FormError id="totp-off" message={offForm.general} />
          <TextField
            id="totp-off-password"
            label="Your password, to switch it off"
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            error={offForm.errorFor('password')}
          />
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              Switch the code off
            </button>
          </div>
        </form>
      ) : setup ? (
        <form className="stack narrow" onSubmit={(e) => void switchOn(e)} noValidate>
          <FormError id="totp-on" message={onForm.general} />
          <FocusMessage kind="info" nonce={setup}>
            In your authenticator app, add an account and type this key:
          </FocusMessage>
          <p className="secret" id="totp-secret">
            {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
          <p>Or, if your app takes an address, give it this one:</p>
          <p className="secret small" id="totp-uri">
            {setup.uri}
          </p>
          <TextField
            id="totp-on-code"
            label="The 6-digit code the app shows now"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            className="short"
            value={code}
            onValue={setCode}
            error={onForm.errorFor('code')}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              Switch the code on
            </button>
            <button type="button" className="secondary" onClick={() => setSetup(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <FormError id="totp-on" message={onForm.general} />
          <button type="button" onClick={() => void start()} disabled={busy}>
            Set up the code
          </button>
        </>
      )}
    </section>
  );
}
