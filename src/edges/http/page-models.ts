import type { GroupDetails } from '../../domain/group/group.ts';
import { publicContacts } from '../../domain/group/group.ts';
import { fellowshipKinds } from '../../domain/fellowship/fellowship.ts';
import { nextStartAfter } from '../../domain/schedule/occurrences.ts';
import { recurrenceIn } from '../../domain/schedule/recurrence-words.ts';
import { durationMinutes } from '../../domain/schedule/schedule.ts';
import { fromMinutesOfDay, minutesOfDay } from '../../domain/schedule/local-time.ts';
import { zoneClock } from '../../domain/schedule/zone-clock.ts';
import type { Locale } from '../../domain/vocabulary/locales.ts';
import {
  typeDescription,
  typeName,
  typeVocabulary,
} from '../../domain/vocabulary/type-vocabulary.ts';
import { fellowshipDescription, fellowshipName } from '../../domain/fellowship/fellowship-names.ts';
import type { DirectorySummary } from '../../services/directory.service.ts';
import type { MeetingDetail } from '../../services/meeting.service.ts';
import { familyFellowships } from '../../web/guide/guide-content.ts';
import type { GuideModel, MeetingModel, Option } from '../../web/page-model.ts';

/** Types a newcomer most often filters by, in the finder's menu. */
const finderTypes = [
  'O',
  'C',
  'BE',
  'D',
  'SP',
  'ST',
  'B',
  'MED',
  'W',
  'M',
  'Y',
  'LGBTQ',
  'A',
  'X',
  'TOOLS',
  'FAM',
];
const finderLanguages = [
  'en',
  'es',
  'fr',
  'pt',
  'de',
  'it',
  'pl',
  'ru',
  'fa',
  'hi',
  'ja',
  'ko',
  'ar',
];

/** Every type's name in a language, for the finder's results (made once per language). */
const typeNamesByLocale = new Map<Locale, Readonly<Record<string, string>>>();
export function typeNamesIn(locale: Locale): Readonly<Record<string, string>> {
  let names = typeNamesByLocale.get(locale);
  if (!names) {
    names = Object.fromEntries(
      [...typeVocabulary.keys()].map((code) => [code, typeName(code, locale)]),
    );
    typeNamesByLocale.set(locale, names);
  }
  return names;
}

export function finderOptions(summary: DirectorySummary, locale: Locale) {
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const fellowships: Option[] = summary.fellowships
    .filter((f) => f.meetings > 0)
    .map((f) => ({ value: f.id, label: fellowshipName(f.id, locale) ?? f.name }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return {
    fellowships,
    types: finderTypes.map((code) => ({ value: code, label: typeName(code, locale) })),
    languages: finderLanguages.map((code) => ({
      value: code,
      label: languageNames.of(code) ?? code,
    })),
  };
}

/** The days of the week, 0 (Sunday) to 6, named in a language. */
export function weekdayOptions(locale: Locale): Option[] {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2026-11-22 was a Sunday.
  return Array.from({ length: 7 }, (_, d) => ({
    value: String(d),
    label: name.format(Date.UTC(2026, 10, 22 + d)),
  }));
}

/** Links for 7th Tradition contributions, by the service each handle belongs to. */
function contributionLinks(group: GroupDetails): { label: string; href: string }[] {
  const links: { label: string; href: string }[] = [];
  const handle = (text: string) => encodeURIComponent(text.replace(/^[@$]/, ''));
  if (group.venmo)
    links.push({
      label: `Venmo ${group.venmo}`,
      href: `https://venmo.com/u/${handle(group.venmo)}`,
    });
  if (group.paypal)
    links.push({
      label: `PayPal ${group.paypal}`,
      href: `https://www.paypal.me/${handle(group.paypal)}`,
    });
  if (group.square)
    links.push({
      label: `Cash App ${group.square}`,
      href: `https://cash.app/$${handle(group.square)}`,
    });
  if (group.homegroupOnline) {
    links.push({
      label: 'Homegroup Online',
      href: `https://donate.homegroup.online/${handle(group.homegroupOnline)}`,
    });
  }
  return links.filter((l) => /^https:\/\//.test(l.href));
}

/** The meeting page's model: only public information, types explained in the viewer's language. */
export function meetingModel(
  detail: MeetingDetail,
  locale: Locale,
  now: number,
): MeetingModel['meeting'] {
  const { meeting } = detail;
  const l = meeting.listing;
  const schedule = l.schedule;
  const timed = schedule.kind !== 'appointment';
  return {
    slug: meeting.slug,
    name: l.name,
    fellowship: fellowshipName(l.fellowship, locale) ?? l.fellowship,
    attendance: l.attendance,
    timezone: l.timezone,
    nextStart: nextStartAfter(schedule, zoneClock(l.timezone), now),
    recurrence: recurrenceIn(schedule, locale),
    time: timed ? schedule.start : null,
    endTime:
      timed && schedule.end.kind !== 'unstated'
        ? fromMinutesOfDay(minutesOfDay(schedule.start) + durationMinutes(schedule))
        : null,
    types: l.types
      .filter((c) => c.trim() !== '')
      .map((code) => ({
        code,
        name: typeName(code, locale),
        description: typeDescription(code, locale),
      })),
    notes: l.notes,
    location: l.location
      ? {
          name: l.location.name,
          address: l.location.formattedAddress,
          latitude: l.location.latitude,
          longitude: l.location.longitude,
          approximate: l.location.approximate,
          notes: l.location.notes,
        }
      : null,
    conference:
      l.conferenceUrl !== null || l.conferencePhone !== null
        ? {
            url: l.conferenceUrl,
            urlNotes: l.conferenceUrlNotes,
            phone: l.conferencePhone,
            phoneNotes: l.conferencePhoneNotes,
          }
        : null,
    group: l.group
      ? {
          name: l.group.implicit ? null : l.group.name,
          notes: l.group.notes,
          website: l.group.website && /^https?:\/\//.test(l.group.website) ? l.group.website : null,
          contributions: contributionLinks(l.group),
          contacts: publicContacts(l.group).map((c) => ({
            name: c.name,
            email: c.email,
            phone: c.phone,
          })),
        }
      : null,
    serviceBody: l.entity?.name ?? null,
    updated: l.updatedAt,
  };
}

export function atSamePlace(detail: MeetingDetail, locale: Locale): MeetingModel['atSamePlace'] {
  return detail.atSamePlace.map((m) => ({
    slug: m.slug,
    name: m.listing.name,
    recurrence: recurrenceIn(m.listing.schedule, locale),
    time: m.listing.schedule.kind === 'appointment' ? null : m.listing.schedule.start,
  }));
}

/** The guide's kinds of meeting, each with its fellowships and how many meetings they have. */
export function guideKinds(summary: DirectorySummary, locale: Locale): GuideModel['kinds'] {
  const entry = (f: DirectorySummary['fellowships'][number]) => ({
    id: f.id,
    name: fellowshipName(f.id, locale) ?? f.name,
    description: fellowshipDescription(f.id, locale) ?? f.description,
    meetings: f.meetings,
  });
  const byKind = fellowshipKinds.map((kind) => ({
    kind,
    fellowships: summary.fellowships
      .filter((f) => f.kind === kind && !familyFellowships.includes(f.id))
      .map(entry),
  }));
  return [
    ...byKind,
    {
      kind: 'family',
      fellowships: summary.fellowships.filter((f) => familyFellowships.includes(f.id)).map(entry),
    },
  ];
}
