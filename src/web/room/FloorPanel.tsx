import type { RoomView } from './room-protocol.ts';
import { useRoomText } from './room-translate.ts';
import { minutesAndSeconds, useCountdown } from './use-countdown.ts';

/** The step of the meeting, who has the floor and for how long, and the raised hands in order. */
export function FloorPanel(props: {
  view: RoomView;
  me: string;
  send: (m: Record<string, unknown>) => void;
}) {
  const t = useRoomText();
  const { view, me, send } = props;
  const left = useCountdown(view.shareEndsAt);
  const nameOf = (id: string) => view.participants.find((p) => p.id === id)?.name ?? '…';
  const myPlace = view.queue.indexOf(me);
  const speaking = view.speaker === me;
  const meInRoom = view.participants.find((p) => p.id === me);
  const warn = left !== null && left > 0 && left <= view.warnSeconds;
  return (
    <>
      <section className="room-step" aria-labelledby="step-title">
        <h2 id="step-title">
          {t('stepOf', { n: view.step.index + 1, count: view.step.count, title: view.step.title })}
        </h2>
        {view.step.text && <p className="reading">{view.step.text}</p>}
      </section>
      <section className="room-floor" aria-labelledby="floor-title">
        <h2 id="floor-title">{t('floorTitle')}</h2>
        <p className="speaker">
          {view.speaker === null
            ? t('floorEmpty')
            : speaking
              ? t('floorYou')
              : t('floorSpeaker', { name: nameOf(view.speaker) })}
        </p>
        {left !== null && (
          <p
            className={warn ? 'share-timer warn' : 'share-timer'}
            role={warn || left === 0 ? 'status' : undefined}
          >
            {left === 0
              ? t('timeUp')
              : warn
                ? t('timeWarning', { time: minutesAndSeconds(left) })
                : t('timeLeft', { time: minutesAndSeconds(left) })}
          </p>
        )}
        {view.phase === 'open' && meInRoom && (
          <div className="hand">
            {myPlace >= 0 ? (
              <>
                <p>{t('queuePosition', { n: myPlace + 1 })}</p>
                <button type="button" onClick={() => send({ type: 'lower_hand' })}>
                  {t('lowerHand')}
                </button>
              </>
            ) : (
              !speaking && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => send({ type: 'raise_hand' })}
                >
                  {t('raiseHand')}
                </button>
              )
            )}
            {(speaking || view.roundMode) && (
              <button type="button" onClick={() => send({ type: 'pass' })}>
                {t('pass')}
              </button>
            )}
          </div>
        )}
      </section>
      <section className="room-queue" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        {view.queue.length === 0 ? (
          <p>{t('queueEmpty')}</p>
        ) : (
          <ol>
            {view.queue.map((id) => (
              <li key={id}>
                {nameOf(id)} {id === me ? t('you') : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
