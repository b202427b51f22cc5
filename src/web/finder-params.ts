/**
 * The finder's state lives in its URL, so a search can be shared. Its parameters are the API's,
 * plus `view` (list or map), `time` (a part of the day) and `lang`; this turns them into the
 * API query the page runs, the same on the server and in the browser.
 */
export const finderFields = [
  'place',
  'near',
  'radius_km',
  'q',
  'day',
  'time',
  'attendance',
  'fellowship',
  'types',
  'language',
  'cursor',
  'tz',
  'view',
  'lang',
] as const;

export type FinderParams = Partial<Record<(typeof finderFields)[number], string>>;

export const timesOfDay = {
  morning: ['00:00', '11:59'],
  afternoon: ['12:00', '16:59'],
  evening: ['17:00', '23:59'],
} as const;

/** Meetings a finder page asks for at a time. */
export const FINDER_PAGE_SIZE = 30;

export function finderParamsFrom(search: URLSearchParams | Record<string, unknown>): FinderParams {
  const get = (k: string) => (search instanceof URLSearchParams ? search.get(k) : search[k]);
  const out: FinderParams = {};
  for (const field of finderFields) {
    const value = get(field);
    if (typeof value === 'string' && value.trim() !== '') out[field] = value.trim();
  }
  return out;
}

/**
 * The API query of a finder state. Without a place, the finder shows meetings one can join from
 * anywhere (online and hybrid); without a day or time, those in progress and starting soonest.
 */
export function apiQuery(params: FinderParams): URLSearchParams {
  const q = new URLSearchParams();
  const copy = [
    'place',
    'near',
    'radius_km',
    'q',
    'day',
    'attendance',
    'fellowship',
    'types',
    'language',
    'cursor',
    'tz',
  ] as const;
  for (const k of copy) if (params[k]) q.set(k, params[k]);
  const time = params.time as keyof typeof timesOfDay | undefined;
  if (time && time in timesOfDay) {
    q.set('time_from', timesOfDay[time][0]);
    q.set('time_to', timesOfDay[time][1]);
  }
  const located = Boolean(params.place || params.near);
  if (!located && !params.attendance) q.set('attendance', 'online,hybrid');
  if (!params.day && !params.time) {
    q.set('in_progress', 'true');
    q.set('starting_within', String(7 * 1440));
  }
  q.set('limit', String(FINDER_PAGE_SIZE));
  return q;
}

/** The finder URL of a state, keeping only what is set. */
export function finderHref(params: FinderParams, changes: FinderParams = {}): string {
  const merged: FinderParams = { ...params, ...changes };
  const q = new URLSearchParams();
  for (const field of finderFields) {
    const v = merged[field];
    if (v) q.set(field, v);
  }
  const text = q.toString();
  return text ? `/?${text}` : '/';
}
