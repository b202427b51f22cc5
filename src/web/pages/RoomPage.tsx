import { useMemo, useState } from 'react';
import { Chrome } from '../components/Chrome.tsx';
import { useTranslate } from '../i18n/translate.ts';
import type { RoomModel } from '../page-model.ts';
import { ChatPanel } from '../room/ChatPanel.tsx';
import { FloorPanel } from '../room/FloorPanel.tsx';
import { HostControls } from '../room/HostControls.tsx';
import { JoinForm } from '../room/JoinForm.tsx';
import { PeoplePanel } from '../room/PeoplePanel.tsx';
import type { RoomView } from '../room/room-protocol.ts';
import { RoomTextContext, roomTranslator } from '../room/room-translate.ts';
import { useRoom } from '../room/use-room.ts';

/** What a screen reader hears when the floor or one's own place changes. */
function useAnnouncement(
  view: RoomView | null,
  me: string | null,
  t: ReturnType<typeof roomTranslator>,
): string {
  const mine = view?.participants.find((p) => p.id === me);
  const waiting = mine?.waiting ?? true;
  const speaker = view?.speaker ?? null;
  const [seen, setSeen] = useState({ waiting, speaker, said: '' });
  // Adjusted while rendering, as React advises for state that follows a changed value.
  if (seen.waiting !== waiting || seen.speaker !== speaker) {
    const speakerName = view?.participants.find((p) => p.id === speaker)?.name ?? '';
    const said =
      seen.speaker !== speaker && speaker !== null
        ? speaker === me
          ? t('youHaveTheFloor')
          : t('speakerNow', { name: speakerName })
        : seen.waiting && !waiting
          ? t('admitted')
          : seen.said;
    setSeen({ waiting, speaker, said });
  }
  return seen.said;
}

/**
 * An online meeting room. The page is rendered on the server with the room's name and its
 * confidentiality statement; everything live goes through the room protocol.
 */
export function RoomPage({ model }: { model: RoomModel }) {
  const t = useTranslate();
  const rt = useMemo(() => roomTranslator(model.text), [model.text]);
  const { screen, join, send, leave, dismiss } = useRoom(model.roomId);
  const { stage, view } = screen;
  const me = screen.me?.id ?? null;
  const mine = view?.participants.find((p) => p.id === me);
  const isHost = mine !== undefined && !mine.waiting && mine.role !== 'member';
  const announcement = useAnnouncement(view, me, rt);
  const finder = model.locale === 'en' ? '/' : `/?lang=${model.locale}`;
  const inMeeting = stage === 'in' && view !== null && mine !== undefined && me !== null;
  return (
    <Chrome t={t} locale={model.locale} path={model.path} demo={model.demo} current={null}>
      <RoomTextContext.Provider value={rt}>
        <div className="room" data-hydrate="now">
          <h1>{rt('roomTitle', { name: view?.room ?? model.name })}</h1>
          <section className="statement" aria-labelledby="statement-title">
            <h2 id="statement-title">{rt('confidentiality')}</h2>
            <p>{view?.statement ?? model.statement}</p>
            <p className="hint">{rt('noRecording')}</p>
          </section>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {screen.connection === 'reconnecting' && (
            <p className="notice" role="status">
              {rt('reconnecting')}
            </p>
          )}
          {(stage === 'join' || stage === 'joining') && (
            <JoinForm
              passcodeRequired={model.passcodeRequired}
              busy={stage === 'joining'}
              error={screen.error?.message ?? null}
              onJoin={join}
            />
          )}
          {stage === 'in' && screen.error && (
            <p className="form-error" role="alert">
              {screen.error.message}{' '}
              <button type="button" onClick={dismiss}>
                {rt('cancel')}
              </button>
            </p>
          )}
          {inMeeting && mine.waiting && (
            <section className="room-waiting" aria-labelledby="waiting-title">
              <h2 id="waiting-title">{rt('waitingTitle')}</h2>
              <p>{rt('waitingText')}</p>
            </section>
          )}
          {inMeeting && !mine.waiting && (
            <>
              {view.locked && <p className="notice">{rt('lockedNotice')}</p>}
              {view.phase === 'fellowship' && view.phaseEndsAt && (
                <p className="notice">
                  {rt('fellowshipNotice', {
                    time: new Date(view.phaseEndsAt).toLocaleTimeString(model.locale, {
                      hour: 'numeric',
                      minute: '2-digit',
                    }),
                  })}
                </p>
              )}
              <div className="room-grid">
                <div className="room-main">
                  <FloorPanel view={view} me={me} send={send} />
                  <ChatPanel
                    view={view}
                    me={me}
                    lines={screen.lines}
                    reactions={screen.reactions}
                    send={send}
                  />
                </div>
                <div className="room-side">
                  {isHost && <HostControls view={view} send={send} />}
                  <PeoplePanel view={view} me={me} isHost={isHost} send={send} />
                </div>
              </div>
            </>
          )}
          {stage === 'in' && (
            <p>
              <button type="button" onClick={leave}>
                {rt('leave')}
              </button>
            </p>
          )}
          {(stage === 'ended' || stage === 'left' || stage === 'removed') && (
            <section className="room-over" aria-labelledby="over-title">
              <h2 id="over-title">
                {stage === 'ended'
                  ? rt('endedTitle')
                  : stage === 'left'
                    ? rt('leftTitle')
                    : (screen.error?.message ?? rt('leftTitle'))}
              </h2>
              {stage === 'ended' && <p>{rt('endedText')}</p>}
              <p>
                <a href={finder}>{rt('findAnother')}</a>
              </p>
            </section>
          )}
        </div>
      </RoomTextContext.Provider>
    </Chrome>
  );
}
