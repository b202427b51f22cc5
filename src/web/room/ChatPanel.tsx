import { type FormEvent, useState } from 'react';
import type { ChatLine, RoomView } from './room-protocol.ts';
import { useRoomText } from './room-translate.ts';
import type { RoomTextKey } from './room-text.en.ts';

const reactionKeys = ['thanks', 'heart', 'wave', 'clap'] as const;

function Line({ line, view, me }: { line: ChatLine; view: RoomView; me: string }) {
  const t = useRoomText();
  const nameOf = (id: string) => view.participants.find((p) => p.id === id)?.name ?? '…';
  const privately =
    line.lane === 'private'
      ? line.from === me
        ? t('privateTo', { name: nameOf(line.to ?? '') })
        : t('privateFrom', { name: line.name })
      : null;
  return (
    <li className={line.lane === 'private' ? 'private' : undefined}>
      <span className="who">{privately ?? line.name}</span>{' '}
      <span className="said">{line.text}</span>
    </li>
  );
}

/**
 * The main lane (what whoever holds the floor shares), the side chat, quiet reactions, and
 * the box to write in. Private messages only where the room allows them (always to a host).
 */
export function ChatPanel(props: {
  view: RoomView;
  me: string;
  lines: readonly ChatLine[];
  reactions: readonly { key: number; from: string; reaction: string }[];
  send: (m: Record<string, unknown>) => void;
}) {
  const t = useRoomText();
  const { view, me, lines, send } = props;
  const [text, setText] = useState('');
  const [side, setSide] = useState(false);
  const [to, setTo] = useState('');
  const mine = view.participants.find((p) => p.id === me);
  const iAmHost = mine !== undefined && mine.role !== 'member';
  const speaking = view.speaker === me;
  const recipients = view.participants.filter(
    (p) => p.id !== me && !p.waiting && (view.privateMessages || iAmHost || p.role !== 'member'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    send({
      type: 'chat',
      text,
      ...(to ? { to } : {}),
      ...(speaking && side ? { side: true } : {}),
    });
    setText('');
  };
  const nameOf = (id: string) => view.participants.find((p) => p.id === id)?.name ?? '…';
  const shares = lines.filter((l) => l.lane === 'share');
  const chat = lines.filter((l) => l.lane !== 'share');
  return (
    <>
      <section className="room-shares" aria-labelledby="shares-title">
        <h2 id="shares-title">{t('shareLane')}</h2>
        {shares.length === 0 ? (
          <p>{t('shareLaneEmpty')}</p>
        ) : (
          <div role="log" aria-labelledby="shares-title">
            <ol>
              {shares.map((line, i) => (
                <Line key={i} line={line} view={view} me={me} />
              ))}
            </ol>
          </div>
        )}
      </section>
      <section className="room-chat" aria-labelledby="chat-title">
        <h2 id="chat-title">{t('sideChat')}</h2>
        {chat.length === 0 ? (
          <p>{t('sideChatEmpty')}</p>
        ) : (
          <div role="log" aria-labelledby="chat-title">
            <ol>
              {chat.map((line, i) => (
                <Line key={i} line={line} view={view} me={me} />
              ))}
            </ol>
          </div>
        )}
        <form onSubmit={submit} className="composer">
          <label htmlFor="room-message">
            {speaking && !side ? t('shareLabel') : t('messageLabel')}
          </label>
          <textarea
            id="room-message"
            rows={speaking && !side ? 5 : 2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {speaking && (
            <label className="check">
              <input type="checkbox" checked={side} onChange={(e) => setSide(e.target.checked)} />{' '}
              {t('sendToSide')}
            </label>
          )}
          {recipients.length > 0 && (
            <>
              <label htmlFor="room-to">{t('sendTo')}</label>
              <select id="room-to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">{t('everyone')}</option>
                {recipients.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="submit">{t('send')}</button>
        </form>
        <div className="reactions" role="group" aria-label={t('reactionsLabel')}>
          {reactionKeys.map((r) => (
            <button key={r} type="button" onClick={() => send({ type: 'react', reaction: r })}>
              {t(`reaction_${r}` as RoomTextKey)}
            </button>
          ))}
        </div>
        <ul className="reacted" aria-live="polite">
          {props.reactions.map((r) => (
            <li key={r.key}>
              {t('reacted', {
                name: nameOf(r.from),
                reaction: t(`reaction_${r.reaction}` as RoomTextKey),
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
