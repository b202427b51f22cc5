// Plain ASCII needs only lower-casing; most directory text is, and folding the rest is slow.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_WORD_SEPARATORS = /[^a-z0-9]+/;

/** Text as search compares it: lower case, accents removed ("Café" and "CAFE" are "cafe"). */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[ø]/g, 'o')
    .replace(/[ł]/g, 'l')
    .replace(/[đ]/g, 'd');
}

/** The words of a text, folded: what a search term is matched against (as a prefix). */
export function wordsOf(text: string): string[] {
  const folded = foldText(text);
  const words = folded.split(ASCII.test(folded) ? ASCII_WORD_SEPARATORS : WORD_SEPARATORS);
  // Separators at either end leave empty strings there, and only there.
  if (words[words.length - 1] === '') words.pop();
  if (words[0] === '') words.shift();
  return words;
}
