/**
 * Why a conference link cannot be used to join a meeting, or null when it can. A link must be
 * an absolute http(s) URL to a real host; anything else sends a newcomer nowhere.
 */
export function conferenceUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a web address';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `uses "${parsed.protocol}", not a web address`;
  }
  if (!parsed.hostname.includes('.') || parsed.hostname.endsWith('.')) {
    return `has no usable host ("${parsed.hostname}")`;
  }
  return null;
}

/**
 * Why a dial-in number cannot be dialled, or null when it can. The spec allows digits and "+",
 * then ",", "*" and "#" for one-tap dialling; spaces, dashes, dots and brackets are tolerated.
 * Only the number itself (before the first pause) decides: what follows is typed in after the
 * call connects, and a listed passcode there is still a way in.
 */
export function conferencePhoneProblem(phone: string): string | null {
  const number = phone.split(/[,;]/, 1)[0] ?? '';
  if (/[^0-9+*#\s\-().]/.test(number)) return 'has characters a phone cannot dial';
  const digits = number.replace(/\D/g, '').length;
  if (digits < 7) return `has only ${digits} digits`;
  return null;
}
