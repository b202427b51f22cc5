import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import { sameSecret } from '../../adapters/auth/secrets.ts';

/**
 * A small proof of work instead of a third-party CAPTCHA: the form's script finds a number
 * that makes a hash of the server's challenge start with DIFFICULTY zero bits (a second or
 * so on a slow phone; nothing a person notices, a cost a spammer pays for every message). A
 * request without one (a bot, or a browser without JavaScript) is not refused: it is held
 * apart for volunteers to look at when they have time.
 */
export const DIFFICULTY = 14;
const CHALLENGE_MS = 60 * 60_000;

async function key(store: Store): Promise<string> {
  return store.settings.getOrSet('proof-key', randomBytes(32).toString('base64url'));
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** A challenge good for an hour: when it was made and a random part, signed. */
export async function newChallenge(
  store: Store,
  clock: Clock,
): Promise<{ challenge: string; difficulty: number }> {
  const payload = `${clock.now().getTime()}.${randomBytes(12).toString('base64url')}`;
  return { challenge: `${payload}.${sign(await key(store), payload)}`, difficulty: DIFFICULTY };
}

/** Whether the hash of challenge + ":" + nonce starts with `bits` zero bits. */
export function solves(challenge: string, nonce: string, bits = DIFFICULTY): boolean {
  const hash = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  for (let i = 0; i < bits; i++) {
    if ((hash[i >> 3] ?? 0) & (0x80 >> (i & 7))) return false;
  }
  return true;
}

/** Challenges already answered, so one proof buys one message (per process, for an hour). */
const spent = new Map<string, number>();

export async function proofHolds(
  store: Store,
  clock: Clock,
  proof: { challenge: string; nonce: string } | undefined,
): Promise<boolean> {
  if (!proof) return false;
  const [made, random, signature] = proof.challenge.split('.');
  if (!made || !random || !signature) return false;
  if (!sameSecret(signature, sign(await key(store), `${made}.${random}`))) return false;
  const now = clock.now().getTime();
  const age = now - Number(made);
  if (!(age >= 0 && age < CHALLENGE_MS)) return false;
  for (const [c, at] of spent) if (now - at > CHALLENGE_MS) spent.delete(c);
  if (spent.has(proof.challenge) || !solves(proof.challenge, proof.nonce)) return false;
  spent.set(proof.challenge, now);
  return true;
}
