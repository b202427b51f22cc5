import { useState } from 'react';
import type { RoomView } from './room-protocol.ts';
import { useRoomText } from './room-translate.ts';

/** The chair's controls: the floor, the steps, the room's settings, and the end. */
export function HostControls(props: {
  view: RoomView;
  send: (m: Record<string, unknown>) => void;
}) {
  const t = useRoomText();
  const { view, send } = props;
  const [confirming, setConfirming] = useState(false);
  const button = (
    label: string,
    type: string,
    extra: Record<string, unknown> = {},
    disabled = false,
  ) => (
    <button type="button" disabled={disabled} onClick={() => send({ type, ...extra })}>
      {label}
    </button>
  );
  const toggle = (label: string, type: string, on: boolean) => (
    <label className="check">
      <input type="checkbox" checked={on} onChange={(e) => send({ type, on: e.target.checked })} />{' '}
      {label}
    </label>
  );
  const open = view.phase === 'open';
  return (
    <section className="room-host" aria-labelledby="host-title">
      <h2 id="host-title">{t('hostControls')}</h2>
      {open && (
        <div className="host-row">
          {button(t('callNext'), 'call_next', {}, !view.roundMode && view.queue.length === 0)}
          {button(t('endShare'), 'end_share', {}, view.speaker === null)}
          {button(t('skip'), 'skip', {}, view.queue.length < 2)}
        </div>
      )}
      {open && (
        <div className="host-row">
          {button(t('previousStep'), 'previous_step', {}, view.step.index === 0)}
          {button(t('nextStep'), 'next_step', {}, view.step.index >= view.step.count - 1)}
        </div>
      )}
      <div className="host-row">
        {button(view.locked ? t('unlock') : t('lock'), view.locked ? 'unlock' : 'lock')}
      </div>
      <div className="host-toggles">
        {toggle(t('waitingRoomOn'), 'waiting_room', view.waitingRoom)}
        {toggle(t('privateMessagesOn'), 'private_messages', view.privateMessages)}
        {open && toggle(t('roundModeOn'), 'round_mode', view.roundMode)}
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="end-confirm">
          <p id="end-confirm">{t('endMeetingConfirm')}</p>
          <button type="button" className="danger" onClick={() => send({ type: 'end_meeting' })}>
            {t('endMeetingYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('endMeeting')}
        </button>
      )}
    </section>
  );
}
