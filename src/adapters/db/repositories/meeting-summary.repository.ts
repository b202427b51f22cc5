import type { Kysely } from 'kysely';
import type { ListingSummary } from '../../../domain/listing/listing-summary.ts';
import type { Attendance } from '../../../domain/meeting/attendance.ts';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import { type ScheduleRow, scheduleFromRow } from '../listing-rows.ts';
import type { DatabaseSchema } from '../schema.ts';

/** A published meeting's summary, with what else search reads of it (its source, the notes). */
export interface SummaryRow {
  readonly summary: ListingSummary;
  readonly sourceId: number;
  readonly notes: string | null;
  readonly locationNotes: string | null;
}

export interface SummaryFilter {
  readonly sourceId?: number;
  readonly meetingIds?: readonly number[];
}

/** The columns read, in this order: the row arrays are destructured in the same order. */
const COLUMNS = [
  'm.id',
  'm.source_id',
  'm.slug',
  'm.name',
  'm.fellowship_id',
  'm.attendance',
  'm.timezone',
  'm.schedule_kind',
  'm.weekdays',
  'm.month_weeks',
  'm.start_time',
  'm.end_time',
  'm.duration_minutes',
  'm.types',
  'm.languages',
  'm.notes',
  'm.conference_url',
  'm.conference_url_notes',
  'm.conference_phone',
  'm.conference_phone_notes',
  'g.name as group_name',
  'g.implicit as group_implicit',
  'l.id as location_id',
  'l.name as location_name',
  'l.formatted_address',
  'l.latitude',
  'l.longitude',
  'l.approximate',
  'l.regions',
  'l.notes as location_notes',
] as const;

const ID_COLUMN = COLUMNS.indexOf('m.id');

/**
 * Lists that repeat across meetings (type codes, languages, weekdays, regions) and short strings
 * (zones, fellowships) shared rather than one copy a row: less memory for a large directory.
 */
class Shared {
  readonly #lists = new Map<unknown, unknown>();
  readonly #strings = new Map<string, string>();

  list<V>(raw: unknown, parse: (raw: unknown) => V): V {
    const key = typeof raw === 'string' ? raw : JSON.stringify(raw);
    let value = this.#lists.get(key) as V | undefined;
    if (value === undefined) {
      value = parse(raw);
      if (Array.isArray(value)) Object.freeze(value);
      this.#lists.set(key, value);
    }
    return value;
  }

  string(raw: unknown): string {
    const s = String(raw);
    let value = this.#strings.get(s);
    if (value === undefined) {
      value = s;
      this.#strings.set(s, s);
    }
    return value;
  }
}

/** A text column's value (SQLite may answer a number for a column of digits). */
const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
const real = (value: unknown): number | null => (value === null ? null : Number(value));

/** Summaries of published meetings, in id order, a page at a time. */
export function meetingSummaryRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  const { codec } = dialect;

  function summaryOf(row: unknown[], shared: Shared): SummaryRow {
    const [
      id,
      sourceId,
      slug,
      name,
      fellowship,
      attendance,
      timezone,
      scheduleKind,
      weekdays,
      monthWeeks,
      startTime,
      endTime,
      durationMinutes,
      types,
      languages,
      notes,
      conferenceUrl,
      conferenceUrlNotes,
      conferencePhone,
      conferencePhoneNotes,
      groupName,
      groupImplicit,
      locationId,
      locationName,
      formattedAddress,
      latitude,
      longitude,
      approximate,
      regions,
      locationNotes,
    ] = row;
    const scheduleRow = (): ScheduleRow => ({
      schedule_kind: String(scheduleKind),
      weekdays,
      month_weeks: monthWeeks,
      start_time: text(startTime),
      end_time: text(endTime),
      duration_minutes: real(durationMinutes),
    });
    const stringList = (raw: unknown) => codec.fromJson<string[]>(raw);
    const hasConference = conferenceUrl !== null || conferencePhone !== null;
    return {
      summary: {
        id: Number(id),
        slug: String(slug),
        name: String(name),
        fellowship: shared.string(fellowship),
        attendance: shared.string(attendance) as Attendance,
        timezone: shared.string(timezone),
        schedule: shared.list(
          `${String(scheduleKind)}|${String(weekdays)}|${String(monthWeeks)}|${String(startTime)}|${String(endTime)}|${String(durationMinutes)}`,
          () => scheduleFromRow(scheduleRow(), codec),
        ),
        types: shared.list(types, stringList),
        languages: shared.list(languages, stringList),
        group: codec.fromBoolean(groupImplicit) ? null : text(groupName),
        location:
          locationId === null
            ? null
            : {
                name: text(locationName),
                formattedAddress: text(formattedAddress),
                latitude: real(latitude),
                longitude: real(longitude),
                approximate: codec.fromBoolean(approximate),
                regions: shared.list(regions, stringList),
              },
        conference: hasConference
          ? {
              url: text(conferenceUrl),
              urlNotes: text(conferenceUrlNotes),
              phone: text(conferencePhone),
              phoneNotes: text(conferencePhoneNotes),
            }
          : null,
      },
      sourceId: Number(sourceId),
      notes: text(notes),
      locationNotes: text(locationNotes),
    };
  }

  /** The filter's rows in id order (the table's own order: the fastest to read), after an id. */
  function query(filter: SummaryFilter, after: number | null) {
    let query = db
      .selectFrom('meetings as m')
      .leftJoin('groups as g', 'g.id', 'm.group_id')
      .leftJoin('locations as l', 'l.id', 'm.location_id')
      .select(COLUMNS)
      .where('m.published', '=', codec.toBoolean(true));
    if (filter.sourceId !== undefined) query = query.where('m.source_id', '=', filter.sourceId);
    if (filter.meetingIds !== undefined) {
      const ids = filter.meetingIds.length > 0 ? [...filter.meetingIds] : [-1];
      query = query.where('m.id', 'in', ids);
    }
    if (after !== null) query = query.where('m.id', '>', after);
    return query.orderBy('m.id');
  }

  const isWhole = (filter: SummaryFilter) =>
    filter.sourceId === undefined && filter.meetingIds === undefined;

  return {
    /**
     * The summaries the filter picks, in id order, `pageSize` at a time; the whole directory is
     * read in another thread where the database allows.
     */
    async *pages(filter: SummaryFilter = {}, pageSize = 500): AsyncGenerator<SummaryRow[]> {
      const shared = new Shared();
      if (isWhole(filter) && dialect.readInWorker) {
        for await (const rows of dialect.readInWorker(query(filter, null).compile(), pageSize)) {
          yield rows.map((row) => summaryOf(row, shared));
        }
        return;
      }
      let after: number | null = null;
      for (;;) {
        const rows = await dialect.selectArrays(query(filter, after).limit(pageSize).compile());
        if (rows.length === 0) return;
        yield rows.map((row) => summaryOf(row, shared));
        const last = rows[rows.length - 1];
        after = Number(last?.[ID_COLUMN]);
      }
    },
  };
}

export type MeetingSummaryRepository = ReturnType<typeof meetingSummaryRepository>;
