/** A wall-clock time of day, "HH:MM" in 24-hour form, as the Meeting Guide spec writes it. */
export type LocalTime = string & { readonly __brand: 'LocalTime' };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: string): value is LocalTime {
  return HH_MM.test(value);
}

export function localTime(hours: number, minutes: number): LocalTime {
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` as LocalTime;
}

/** Minutes since local midnight. */
export function minutesOfDay(time: LocalTime): number {
  // "HH:MM", read digit by digit: searches and imports do this for every meeting.
  const digit = (i: number) => time.charCodeAt(i) - 48;
  return (digit(0) * 10 + digit(1)) * 60 + digit(3) * 10 + digit(4);
}

export function fromMinutesOfDay(minutes: number): LocalTime {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return localTime(Math.floor(wrapped / 60), wrapped % 60);
}

/**
 * Reads the time forms real feeds use: "19:30", "7:30", "19:30:00", "7:30 PM", "7:30pm", "7 PM",
 * "noon", "midnight". Returns null when the text is not a time.
 */
export function parseLocalTime(text: string): LocalTime | null {
  const t = text.trim().toLowerCase();
  if (t === 'noon') return localTime(12, 0);
  if (t === 'midnight') return localTime(0, 0);
  const m =
    /^(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*([ap])\.?\s*m?\.?$|^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(
      t,
    );
  if (!m) return null;
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    return h <= 23 && min <= 59 ? localTime(h, min) : null;
  }
  const h12 = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h12 < 1 || h12 > 12 || min > 59) return null;
  const h = (h12 % 12) + (m[3] === 'p' ? 12 : 0);
  return localTime(h, min);
}

/** "7:30 PM", the form the 12 Step Meeting List CSV template uses. */
export function formatTwelveHour(time: LocalTime): string {
  const total = minutesOfDay(time);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const suffix = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${suffix}`;
}
