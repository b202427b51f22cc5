import { type ServerMessage, finalCloseCodes } from './room-protocol.ts';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface JoinDetails {
  readonly name: string;
  readonly passcode?: string;
  readonly hostKey?: string;
}

/** Where a tab keeps its place in a room (its resume token), for a reload or a dropped line. */
const placeKey = (roomId: string) => `greendoor-room-${roomId}`;

interface Place {
  readonly name: string;
  readonly token: string;
}

export function savedPlace(roomId: string): Place | null {
  try {
    const raw = sessionStorage.getItem(placeKey(roomId));
    return raw ? (JSON.parse(raw) as Place) : null;
  } catch {
    return null;
  }
}

function savePlace(roomId: string, place: Place | null): void {
  try {
    if (place) sessionStorage.setItem(placeKey(roomId), JSON.stringify(place));
    else sessionStorage.removeItem(placeKey(roomId));
  } catch {
    // Private browsing without storage: a reload joins afresh.
  }
}

/**
 * One participant's connection to a room, over the room protocol only: join, then every
 * message both ways. A dropped connection is made again with the resume token (same person,
 * same place in the queue), waiting a little longer each time. The tab's sessionStorage keeps
 * the token until the tab closes; nothing else is stored.
 */
export class RoomSocket {
  private ws: WebSocket | null = null;
  private token: string | null;
  private attempts = 0;
  private stopped = false;
  private welcomed = false;

  constructor(
    private readonly roomId: string,
    private readonly join: JoinDetails,
    private readonly listener: {
      message(message: ServerMessage): void;
      connection(state: Connection): void;
    },
    resumeToken: string | null = null,
  ) {
    this.token = resumeToken;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  private open(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/v1/rooms/${this.roomId}/socket`);
    this.ws = ws;
    this.listener.connection(this.attempts === 0 ? 'connecting' : 'reconnecting');
    ws.addEventListener('open', () => {
      ws.send(
        JSON.stringify({
          type: 'join',
          name: this.join.name,
          ...(this.join.passcode ? { passcode: this.join.passcode } : {}),
          ...(this.join.hostKey ? { hostKey: this.join.hostKey } : {}),
          ...(this.token ? { resumeToken: this.token } : {}),
        }),
      );
    });
    ws.addEventListener('message', (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'welcome') {
        this.welcomed = true;
        this.attempts = 0;
        this.token = message.resumeToken;
        savePlace(this.roomId, { name: this.join.name, token: message.resumeToken });
        this.listener.connection('open');
      }
      if (message.type === 'ended') savePlace(this.roomId, null);
      // A join refused (a wrong passcode, a locked room): it is the person's to try again.
      if (message.type === 'error' && !this.welcomed) this.stop();
      this.listener.message(message);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped || finalCloseCodes.has(event.code)) {
        if (finalCloseCodes.has(event.code) && event.code !== 4002) savePlace(this.roomId, null);
        this.stopped = true;
        this.listener.connection('closed');
        return;
      }
      this.attempts++;
      this.listener.connection('reconnecting');
      window.setTimeout(() => this.open(), Math.min(10_000, 500 * 2 ** Math.min(this.attempts, 5)));
    });
  }

  send(message: Record<string, unknown>): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  /** Leaving on purpose: the place is given up. */
  leave(): void {
    this.send({ type: 'leave' });
    savePlace(this.roomId, null);
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close(1000);
  }
}
