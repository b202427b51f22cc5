import { wordsOf } from './text.ts';

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Lower case of an ASCII letter or digit code, or -1 for a separator (what wordsOf splits on). */
function asciiWordCode(code: number): number {
  if (code >= 97 && code <= 122) return code;
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return code;
  return -1;
}

/**
 * Numbers for the words of texts, as wordsOf folds and splits them. Building an index meets
 * millions of words but only tens of thousands of distinct ones, so for plain ASCII texts words
 * are hashed and looked up where they stand, without cutting each out as a new string; a word
 * is copied out only the first time it is seen. Other texts go through wordsOf.
 */
export class WordNumbers {
  /** Every word, by number. */
  readonly words: string[] = [];
  #hashes = new Int32Array(1024);
  /** Open addressing: slot → word number, or EMPTY. */
  #slots = new Int32Array(2048).fill(EMPTY);

  get size(): number {
    return this.words.length;
  }

  /** Appends the numbers of a text's words to `out`, in order. */
  numbersOf(text: string, out: number[]): void {
    const start = out.length;
    if (!this.#ascii(text, out)) {
      out.length = start;
      for (const word of wordsOf(text)) out.push(this.#numberOfWord(word));
    }
  }

  /** The ASCII fast path; false (having pushed some) when the text is not all ASCII. */
  #ascii(text: string, out: number[]): boolean {
    const length = text.length;
    let wordStart = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code > 127) return false;
      // Letters lower-cased; letters and digits are words, the rest separates them.
      if (code >= 65 && code <= 90) code += 32;
      else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
        if (wordStart >= 0) {
          out.push(this.#numberAt(text, wordStart, i, hash));
          wordStart = -1;
        }
        continue;
      }
      if (wordStart < 0) {
        wordStart = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    if (wordStart >= 0) out.push(this.#numberAt(text, wordStart, length, hash));
    return true;
  }

  /** The number of the word text[from, to) in lower case, given its hash. */
  #numberAt(text: string, from: number, to: number, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const n = this.#slots[slot] ?? EMPTY;
      if (n === EMPTY) return this.#add(text.slice(from, to).toLowerCase(), hash, slot);
      if (this.#hashes[n] === hash && sameWord(this.words[n] ?? '', text, from, to)) return n;
    }
  }

  #numberOfWord(word: string): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const n = this.#slots[slot] ?? EMPTY;
      if (n === EMPTY) return this.#add(word, hash, slot);
      if (this.#hashes[n] === hash && this.words[n] === word) return n;
    }
  }

  #add(word: string, hash: number, slot: number): number {
    const n = this.words.length;
    this.words.push(word);
    if (n >= this.#hashes.length) {
      const hashes = new Int32Array(this.#hashes.length * 2);
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[n] = hash;
    this.#slots[slot] = n;
    // At most half full, so probes stay short.
    if (this.words.length * 2 > this.#slots.length) this.#rehash();
    return n;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let n = 0; n < this.words.length; n++) {
      let slot = (this.#hashes[n] ?? 0) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.#slots = slots;
  }
}

/** Whether text[from, to), lower-cased, is the word (both ASCII). */
function sameWord(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = 0; i < word.length; i++) {
    if (asciiWordCode(text.charCodeAt(from + i)) !== word.charCodeAt(i)) return false;
  }
  return true;
}
