import type { RoomPerson, RoomView } from './room-protocol.ts';
import { useRoomText } from './room-translate.ts';

function Controls({
  p,
  view,
  send,
}: {
  p: RoomPerson;
  view: RoomView;
  send: (m: Record<string, unknown>) => void;
}) {
  const t = useRoomText();
  const act = (type: string) => () => send({ type, participantId: p.id });
  if (p.waiting) {
    return (
      <span className="person-controls">
        <button type="button" className="primary" onClick={act('admit')}>
          {t('admit', { name: p.name })}
        </button>
        <button type="button" onClick={act('deny')}>
          {t('deny', { name: p.name })}
        </button>
      </span>
    );
  }
  if (p.role === 'host') return null;
  return (
    <span className="person-controls">
      {view.queue.includes(p.id) && view.queue[0] !== p.id && (
        <button type="button" onClick={act('move_up')}>
          {t('moveUp', { name: p.name })}
        </button>
      )}
      <button type="button" onClick={act(p.muted ? 'unmute' : 'mute')}>
        {p.muted ? t('unmute', { name: p.name }) : t('mute', { name: p.name })}
      </button>
      <button type="button" onClick={act(p.role === 'cohost' ? 'remove_cohost' : 'make_cohost')}>
        {p.role === 'cohost'
          ? t('removeCohost', { name: p.name })
          : t('makeCohost', { name: p.name })}
      </button>
      <button type="button" onClick={act('remove')}>
        {t('remove', { name: p.name })}
      </button>
      <button type="button" onClick={act('block')}>
        {t('block', { name: p.name })}
      </button>
    </span>
  );
}

/** Who is here (and, for hosts, who waits to be let in), with each person's controls for hosts. */
export function PeoplePanel(props: {
  view: RoomView;
  me: string;
  isHost: boolean;
  send: (m: Record<string, unknown>) => void;
}) {
  const t = useRoomText();
  const { view, me, isHost, send } = props;
  const waiting = view.participants.filter((p) => p.waiting);
  const inRoom = view.participants.filter((p) => !p.waiting);
  const describe = (p: RoomPerson) =>
    [
      p.id === me ? t('you') : '',
      p.role === 'host' ? t('roleHost') : p.role === 'cohost' ? t('roleCohost') : '',
      p.away ? t('away') : '',
      p.muted ? t('muted') : '',
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <section className="room-people" aria-labelledby="people-title">
      {isHost && waiting.length > 0 && (
        <>
          <h2 id="waiting-list-title">{t('waitingListTitle', { count: waiting.length })}</h2>
          <ul aria-labelledby="waiting-list-title">
            {waiting.map((p) => (
              <li key={p.id}>
                <span className="person">{p.name}</span> <Controls p={p} view={view} send={send} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 id="people-title">{t('peopleTitle', { count: inRoom.length })}</h2>
      <ul aria-labelledby="people-title">
        {inRoom.map((p) => (
          <li key={p.id}>
            <span className="person">{p.name}</span>{' '}
            {describe(p) && <span className="about">{describe(p)}</span>}{' '}
            {isHost && p.id !== me && <Controls p={p} view={view} send={send} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
