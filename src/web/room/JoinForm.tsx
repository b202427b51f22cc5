import { type FormEvent, useSyncExternalStore } from 'react';
import type { JoinDetails } from './room-socket.ts';
import { useRoomText } from './room-translate.ts';

const noSubscription = () => () => undefined;
/** True once the page runs in the browser (the server renders the form disabled). */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

let hostKeyOfLink: string | null | undefined;
/** The host link carries the key in its fragment, which browsers never send to a server. */
function hostKeyFromLink(): string | null {
  hostKeyOfLink ??= new URLSearchParams(location.hash.slice(1)).get('host');
  return hostKeyOfLink;
}
const useHostKey = () => useSyncExternalStore(noSubscription, hostKeyFromLink, () => null);

/** Name (a first name or nickname), the passcode if the room has one. Disabled until the script runs. */
export function JoinForm(props: {
  passcodeRequired: boolean;
  busy: boolean;
  error: string | null;
  onJoin: (details: JoinDetails) => void;
}) {
  const t = useRoomText();
  const ready = useHydrated();
  const hostKey = useHostKey();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (field: string) => {
      const value = data.get(field);
      return typeof value === 'string' ? value : '';
    };
    const name = text('name').trim();
    const passcode = text('passcode');
    if (!name) return;
    // The key is kept in memory now: out of the address bar (and a shoulder-surfer's view).
    if (hostKey) history.replaceState(null, '', location.pathname + location.search);
    props.onJoin({ name, ...(passcode ? { passcode } : {}), ...(hostKey ? { hostKey } : {}) });
  };
  return (
    <form className="room-join" onSubmit={submit} aria-labelledby="join-title">
      <h2 id="join-title">{t('joinTitle')}</h2>
      <noscript>
        <p className="notice">{t('needsScript')}</p>
      </noscript>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      {hostKey && <p>{t('joiningAsHost')}</p>}
      <fieldset disabled={!ready || props.busy}>
        <label htmlFor="room-name">{t('nameLabel')}</label>
        <p className="hint" id="room-name-hint">
          {t('nameHint')}
        </p>
        <input
          id="room-name"
          name="name"
          autoComplete="nickname"
          maxLength={40}
          required
          aria-describedby="room-name-hint"
        />
        {props.passcodeRequired && !hostKey && (
          <>
            <label htmlFor="room-passcode">{t('passcodeLabel')}</label>
            <p className="hint" id="room-passcode-hint">
              {t('passcodeHint')}
            </p>
            <input
              id="room-passcode"
              name="passcode"
              type="password"
              autoComplete="off"
              required
              aria-describedby="room-passcode-hint"
            />
          </>
        )}
        <button type="submit">
          {props.busy ? t('connecting') : ready ? t('joinButton') : t('gettingReady')}
        </button>
      </fieldset>
    </form>
  );
}
