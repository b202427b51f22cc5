import WebSocket from 'ws';

/** A message from the server, loosely typed (the tests check what they read). */
export type ServerMessage = { type: string; [key: string]: unknown };
export type StateMessage = ServerMessage & {
  participants: { id: string; name: string; role: string; waiting: boolean; away: boolean }[];
  queue: string[];
  speaker: string | null;
  shareEndsAt: string | null;
  step: { index: number; title: string; text: string };
  phase: string;
};

/**
 * A participant driving a room through its WebSocket protocol, as an outside client would:
 * everything it hears is kept, and it can wait for a message it expects.
 */
export class RoomClient {
  readonly messages: ServerMessage[] = [];
  participantId: string | null = null;
  resumeToken: string | null = null;
  closed: { code: number; reason: string } | null = null;
  private readonly ws: WebSocket;
  private waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] =
    [];
  readonly opened: Promise<void>;

  constructor(url: string, options: { origin?: string } = {}) {
    this.ws = new WebSocket(url, options.origin ? { origin: options.origin } : {});
    this.ws.on('message', (raw) => {
      const message = JSON.parse((raw as Buffer).toString('utf8')) as ServerMessage;
      if (message.type === 'welcome') {
        this.participantId = String(message['participantId']);
        this.resumeToken = String(message['resumeToken']);
      }
      this.messages.push(message);
      this.notify(message);
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.notify({ type: '__closed', code });
    });
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve) => this.ws.once('open', () => resolve()));
  }

  static async join(url: string, join: Record<string, unknown>): Promise<RoomClient> {
    const client = new RoomClient(url);
    await client.opened;
    client.send({ type: 'join', ...join });
    const answer = await client.next((m) => m.type === 'welcome' || m.type === 'error', 'welcome');
    if (answer.type === 'error') throw new Error(`join refused: ${JSON.stringify(answer)}`);
    return client;
  }

  private notify(message: ServerMessage): void {
    this.waiters = this.waiters.filter((w) => !(w.pred(message) && (w.resolve(message), true)));
  }

  send(message: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** The first message (already heard, or to come) that matches. */
  wait(pred: (m: ServerMessage) => boolean, what: string, ms = 5000): Promise<ServerMessage> {
    const heard = this.messages.find(pred);
    return heard ? Promise.resolve(heard) : this.next(pred, what, ms);
  }

  /** The next message to come that matches. */
  next(pred: (m: ServerMessage) => boolean, what: string, ms = 5000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** The latest state that matches (heard already, or to come). */
  async state(pred: (s: StateMessage) => boolean, what: string, ms = 5000): Promise<StateMessage> {
    const last = this.lastState();
    if (last && pred(last)) return last;
    return (await this.next(
      (m) => m.type === 'state' && pred(m as StateMessage),
      what,
      ms,
    )) as StateMessage;
  }

  lastState(): StateMessage | undefined {
    return [...this.messages].reverse().find((m) => m.type === 'state') as StateMessage | undefined;
  }

  errors(): ServerMessage[] {
    return this.messages.filter((m) => m.type === 'error');
  }

  whenClosed(ms = 5000): Promise<ServerMessage> {
    return this.closed
      ? Promise.resolve({ type: '__closed', code: this.closed.code })
      : this.next((m) => m.type === '__closed', 'close', ms);
  }

  close(): void {
    this.ws.close();
  }

  /** Drops the connection without a word, as a phone losing signal would. */
  drop(): void {
    this.ws.terminate();
  }
}
