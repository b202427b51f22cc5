import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ChatLine, RoomView, ServerMessage } from './room-protocol.ts';
import { type Connection, type JoinDetails, RoomSocket, savedPlace } from './room-socket.ts';

/** Lines of chat kept on screen (in this tab's memory only; nothing is stored). */
const LINES_KEPT = 300;

export type Stage = 'join' | 'joining' | 'in' | 'ended' | 'left' | 'removed';

export interface RoomScreen {
  readonly stage: Stage;
  readonly connection: Connection;
  readonly me: { readonly id: string; readonly name: string } | null;
  readonly view: RoomView | null;
  readonly lines: readonly ChatLine[];
  readonly reactions: readonly {
    readonly key: number;
    readonly from: string;
    readonly reaction: string;
  }[];
  /** The latest refusal or problem, in the server's words. */
  readonly error: { readonly code: string; readonly message: string } | null;
}

type Action =
  | { type: 'joining'; name: string }
  | { type: 'message'; message: ServerMessage }
  | { type: 'connection'; connection: Connection }
  | { type: 'left' }
  | { type: 'fade'; key: number }
  | { type: 'reacted'; key: number; from: string; reaction: string }
  | { type: 'dismiss' };

const initial: RoomScreen = {
  stage: 'join',
  connection: 'closed',
  me: null,
  view: null,
  lines: [],
  reactions: [],
  error: null,
};

let reactionKey = 0;

function reduce(screen: RoomScreen, action: Action): RoomScreen {
  switch (action.type) {
    case 'joining':
      return {
        ...screen,
        stage: 'joining',
        error: null,
        me: screen.me ? screen.me : { id: '', name: action.name },
      };
    case 'connection':
      return { ...screen, connection: action.connection };
    case 'left':
      return { ...screen, stage: 'left' };
    case 'dismiss':
      return { ...screen, error: null };
    case 'reacted':
      return {
        ...screen,
        reactions: [
          ...screen.reactions,
          { key: action.key, from: action.from, reaction: action.reaction },
        ].slice(-5),
      };
    case 'fade':
      return { ...screen, reactions: screen.reactions.filter((r) => r.key !== action.key) };
    case 'message': {
      const m = action.message;
      switch (m.type) {
        case 'welcome':
          return {
            ...screen,
            stage: 'in',
            error: null,
            me: { id: m.participantId, name: screen.me?.name ?? '' },
          };
        case 'state':
          return { ...screen, view: m };
        case 'chat':
          return { ...screen, lines: [...screen.lines, m].slice(-LINES_KEPT) };
        case 'reaction':
          return screen;
        case 'error':
          if (['removed', 'denied', 'replaced'].includes(m.code))
            return { ...screen, stage: 'removed', error: m };
          return { ...screen, stage: screen.stage === 'joining' ? 'join' : screen.stage, error: m };
        case 'ended':
          return { ...screen, stage: 'ended', view: null, lines: [] };
      }
    }
  }
}

/**
 * A room as the page shows it: joining, then the latest state and chat as the server sends
 * them. The socket speaks only the documented protocol.
 */
export function useRoom(roomId: string) {
  const [screen, dispatch] = useReducer(reduce, initial);
  const socket = useRef<RoomSocket | null>(null);

  const connect = useCallback(
    (details: JoinDetails, token: string | null) => {
      socket.current?.stop();
      dispatch({ type: 'joining', name: details.name });
      const s = new RoomSocket(
        roomId,
        details,
        {
          message: (message) => {
            dispatch({ type: 'message', message });
            if (message.type === 'reaction') {
              const key = ++reactionKey;
              dispatch({ type: 'reacted', key, from: message.from, reaction: message.reaction });
              window.setTimeout(() => dispatch({ type: 'fade', key }), 4000);
            }
          },
          connection: (connection) => dispatch({ type: 'connection', connection }),
        },
        token,
      );
      socket.current = s;
      s.start();
    },
    [roomId],
  );

  // Back in the same tab (a reload): the saved place is taken up again.
  useEffect(() => {
    const place = savedPlace(roomId);
    if (place) connect({ name: place.name }, place.token);
    return () => socket.current?.stop();
  }, [roomId, connect]);

  const send = useCallback((message: Record<string, unknown>) => socket.current?.send(message), []);
  const leave = useCallback(() => {
    socket.current?.leave();
    dispatch({ type: 'left' });
  }, []);
  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);
  const join = useCallback((details: JoinDetails) => connect(details, null), [connect]);
  return { screen, join, send, leave, dismiss };
}
