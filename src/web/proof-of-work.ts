import { sha256 } from '@noble/hashes/sha256';
import { utf8ToBytes } from '@noble/hashes/utils';

export interface Proof {
  readonly challenge: string;
  readonly nonce: string;
}

function solves(hash: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i++) if ((hash[i >> 3] ?? 0) & (0x80 >> (i & 7))) return false;
  return true;
}

/**
 * The forms' proof of work, in the browser: the server's challenge, and a number that makes
 * SHA-256 of challenge + ":" + number start with the zero bits asked for (a fraction of a second,
 * in slices that leave the page responsive). Null when it cannot be had: the form is then sent
 * without one, and waits apart for a volunteer.
 */
export async function proveWork(): Promise<Proof | null> {
  try {
    const response = await fetch('/api/v1/change-requests/challenge', {
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return null;
    const { challenge, difficulty } = (await response.json()) as {
      challenge: string;
      difficulty: number;
    };
    for (let nonce = 0; nonce < 1 << 26;) {
      const end = nonce + 4000;
      for (; nonce < end; nonce++) {
        if (solves(sha256(utf8ToBytes(`${challenge}:${nonce}`)), difficulty))
          return { challenge, nonce: String(nonce) };
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return null;
  } catch {
    return null;
  }
}
