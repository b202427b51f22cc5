import { type FormEvent, useState } from 'react';
import { api } from '../api-client.ts';
import { FormError, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useProblem } from '../problems.ts';

const FORM = 'set-password';
const FIELDS = new Set(['password']);

let linkToken: string | null | undefined;

/** The token of a one-time link (`/admin/password#token=...`), read once and taken off the address. */
function tokenFromAddress(): string | null {
  if (linkToken !== undefined) return linkToken;
  linkToken = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (linkToken) {
    // Out of the address bar and the history: whoever looks over a shoulder later sees nothing.
    window.history.replaceState(null, '', window.location.pathname);
  }
  return linkToken;
}

/**
 * Setting a password from an invitation's or a reset's link. The token travels in the address's
 * fragment, which the browser never sends to a server, and only this page's request carries it.
 */
export function SetPasswordPage(props: { onDone: (message: string) => void }) {
  const [token] = useState(tokenFromAddress);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = useProblem(FORM, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    // Checked here first: the server uses the link up on any answer, even a refusal, so a
    // password it would refuse must not be sent (then the link would need sending again).
    if (password.length < 10 || password.length > 200) {
      problems.show({
        field: 'password',
        message:
          password.length < 10
            ? 'Use at least 10 characters: a few unrelated words make a good password.'
            : 'Use at most 200 characters.',
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await api.setPasswordFromLink(token, password);
      props.onDone(answer.message);
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <div className="narrow">
        <PageHeading title="Set your password" />
        <p className="message error">
          This link is missing its secret part: open the whole link from your invitation, or ask the
          person who invited you for a new one.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title="Set your password" />
      <p>Choose the password you will sign in with. The link works once.</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <FormError id={FORM} message={problems.general} />
        <TextField
          id={`${FORM}-password`}
          label="New password"
          hint="At least 10 characters, and not your e-mail address. A few unrelated words make a good one."
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={problems.errorFor('password')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Setting it…' : 'Set my password'}
          </button>
        </div>
      </form>
    </div>
  );
}
