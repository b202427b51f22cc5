import type { Ref } from 'react';
import type { Locale } from '../../domain/vocabulary/locales.ts';
import type { MeetingResult } from '../api-types.ts';
import { dayKey, formatDate, formatTime, zoneLabel } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';

const MINUTE = 60_000;
const SOON_MINUTES = 60;

function durationMs(m: MeetingResult): number {
  if (!m.time || !m.end_time) return 60 * MINUTE;
  const [sh = 0, sm = 0] = m.time.split(':').map(Number);
  const [eh = 0, em = 0] = m.end_time.split(':').map(Number);
  const minutes = (eh * 60 + em - (sh * 60 + sm) + 1440) % 1440 || 1440;
  return minutes * MINUTE;
}

interface Props {
  t: Translate;
  locale: Locale;
  meetings: readonly MeetingResult[];
  /** "Now", the instant searched. */
  at: number;
  /** The viewer's zone once known (in the browser); until then each meeting's own. */
  viewerZone: string | null;
  langQuery: string;
  /** Type names in the page's language, by code. */
  typeNames: Readonly<Record<string, string>>;
  /** The element around the list, for moving focus into it. */
  containerRef?: Ref<HTMLDivElement>;
}

/** The results, grouped by day in the viewer's zone, each meeting a link to its page. */
export function MeetingList({
  t,
  locale,
  meetings,
  at,
  viewerZone,
  langQuery,
  typeNames,
  containerRef,
}: Props) {
  const groups: { key: string; heading: string; items: MeetingResult[] }[] = [];
  const todayKey = (zone: string) => dayKey(at, zone);
  for (const m of meetings) {
    const zone = viewerZone ?? m.timezone;
    const start = m.next_start === null ? null : Date.parse(m.next_start);
    let key = 'appointment';
    let heading = t('byAppointment');
    if (start !== null) {
      key = dayKey(Math.max(start, at), zone);
      const tomorrowKey = dayKey(at + 86_400_000, zone);
      heading =
        key === todayKey(zone)
          ? t('today')
          : key === tomorrowKey
            ? t('tomorrow')
            : formatDate(start, zone, locale);
    }
    const group = groups.find((g) => g.key === key);
    if (group) group.items.push(m);
    else groups.push({ key, heading, items: [m] });
  }
  return (
    <div className="results" ref={containerRef}>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`day-${group.key}`}>
          <h3 id={`day-${group.key}`}>{group.heading}</h3>
          <ul className="meetings">
            {group.items.map((m) => (
              <MeetingItem
                key={m.slug}
                first={m === meetings[0]}
                t={t}
                locale={locale}
                meeting={m}
                at={at}
                viewerZone={viewerZone}
                langQuery={langQuery}
                typeNames={typeNames}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function MeetingItem({
  t,
  locale,
  meeting: m,
  at,
  viewerZone,
  langQuery,
  typeNames,
  first,
}: Omit<Props, 'meetings' | 'containerRef'> & { meeting: MeetingResult; first: boolean }) {
  const start = m.next_start === null ? null : Date.parse(m.next_start);
  const zone = viewerZone ?? m.timezone;
  const inProgress = start !== null && start <= at && at < start + durationMs(m);
  const soon = start !== null && !inProgress && start - at <= SOON_MINUTES * MINUTE;
  const ownTime =
    start !== null && zone !== m.timezone ? formatTime(start, m.timezone, locale) : null;
  const ownDiffers =
    ownTime !== null && start !== null && ownTime !== formatTime(start, zone, locale);
  const place =
    m.location && !m.location.approximate
      ? [m.location.name, m.location.formatted_address].filter(Boolean).join(', ')
      : null;
  return (
    <li className="meeting">
      <p className="time">
        {start === null ? (
          t('byAppointment')
        ) : (
          <time dateTime={m.next_start ?? undefined}>{formatTime(start, zone, locale)}</time>
        )}
        {ownDiffers ? (
          <span className="their-time">
            {' '}
            ({t('theirTime', { time: ownTime ?? '', zone: zoneLabel(m.timezone) })})
          </span>
        ) : null}
        {inProgress ? <strong className="badge live">{t('inProgress')}</strong> : null}
        {soon && start !== null ? (
          <strong className="badge soon">
            {t('startsIn', { minutes: Math.max(0, Math.round((start - at) / MINUTE)) })}
          </strong>
        ) : null}
      </p>
      {/* When the first result's name was painted (Element Timing: its text is the block's). */}
      <h4 elementtiming={first ? 'first-meeting' : undefined}>
        <a href={`/meetings/${encodeURIComponent(m.slug)}${langQuery}`}>{m.name}</a>
      </h4>
      <p className="where">
        <span className="attendance">{t(`attendance_${m.attendance}`)}</span>
        {place ? <span> · {place}</span> : null}
        {m.distance_km !== undefined && m.distance_km !== null ? (
          <span>
            {' '}
            ·{' '}
            {t('kmAway', {
              km: m.distance_km < 10 ? m.distance_km.toFixed(1) : Math.round(m.distance_km),
            })}
          </span>
        ) : null}
      </p>
      {m.types.length > 0 ? (
        <ul className="types" aria-label={t('types')}>
          {m.types
            .filter((code) => code.trim() !== '')
            .map((code) => (
              <li key={code}>{typeNames[code] ?? code}</li>
            ))}
        </ul>
      ) : null}
    </li>
  );
}
