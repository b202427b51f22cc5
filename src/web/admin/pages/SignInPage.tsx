import { type FormEvent, useState } from 'react';
import type { Me } from '../admin-api-types.ts';
import { ApiError, api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { FormError, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { sentence } from '../format.ts';
import { useProblem } from '../problems.ts';

const FORM = 'sign-in';
const FIELDS = new Set(['email', 'password', 'totp']);

/**
 * Signing in: e-mail and password, and the 6-digit code from an authenticator app when the
 * account has one (the field appears when the server asks for it). "Forgot your password"
 * asks for a link by e-mail.
 */
export function SignInPage(props: { message: string | null; onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [resetAnswer, setResetAnswer] = useState<string | null>(null);
  const problems = useProblem(FORM, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const me = await api.login({
        email: email.trim(),
        password,
        ...(needsCode && code.trim() ? { totp: code.replace(/\s/g, '') } : {}),
      });
      props.onSignedIn(me);
    } catch (error) {
      if (error instanceof ApiError && error.field === 'totp') {
        setNeedsCode(true);
        // Asked for, not wrong: say so beside the new field, which is where focus goes.
        problems.show({ field: 'totp', message: sentence(error.message, 'totp') });
      } else problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const askReset = async () => {
    if (!email.trim()) {
      problems.show({ field: 'email', message: 'Give your e-mail address first, then ask again.' });
      return;
    }
    try {
      const answer = await api.askPasswordReset(email.trim());
      problems.clear();
      setResetAnswer(answer.message);
    } catch (error) {
      problems.fail(error);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title="Sign in" />
      {props.message ? <p className="message info">{props.message}</p> : null}
      <p>
        For volunteers who keep the meeting listings. Looking for a meeting?{' '}
        <a href="/">Find one here</a>.
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <FormError id={FORM} message={problems.general} />
        <TextField
          id={`${FORM}-email`}
          label="E-mail address"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onValue={setEmail}
          error={problems.errorFor('email')}
        />
        <TextField
          id={`${FORM}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={problems.errorFor('password')}
        />
        {needsCode ? (
          <TextField
            id={`${FORM}-totp`}
            label="6-digit code"
            hint="From the authenticator app on your phone."
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={8}
            className="short"
            value={code}
            onValue={setCode}
            error={problems.errorFor('totp')}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="link-button" onClick={() => void askReset()}>
            Forgot your password?
          </button>
        </div>
      </form>
      {resetAnswer ? (
        <FocusMessage kind="info" nonce={resetAnswer}>
          {resetAnswer}
        </FocusMessage>
      ) : null}
    </div>
  );
}
