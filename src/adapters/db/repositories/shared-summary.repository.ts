import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DatabaseDialect } from '../dialect/dialect.ts';
import { containsPattern } from '../like-pattern.ts';
import type { DatabaseSchema } from '../schema.ts';

/** A place or group as a list shows it: what it is called, who keeps it, how many use it. */
export interface SharedSummary {
  readonly id: number;
  readonly name: string | null;
  /** A place's address (a group has none). */
  readonly address: string | null;
  /** The body answering for it: its own, else the one body all its meetings share, else null. */
  readonly serviceBodyId: number | null;
  readonly meetings: number;
}

export interface SharedSummaryFilter {
  /** Bodies whose places and groups are wanted (a volunteer's reach), or every one. */
  readonly bodyIds: 'all' | readonly number[];
  /** Text in the name (and a place's address), case-insensitive. */
  readonly text?: string;
  readonly limit: number;
  readonly offset: number;
}

interface AggregateRow {
  id: number;
  name: string | null;
  address: string | null;
  own: number | null;
  meetings: number | string;
  with_body: number | string;
  lo: number | null;
  hi: number | null;
}

/**
 * The body a row answers to, in SQL: its own, else the one body every meeting using it names
 * (the same rule the editing service applies to one place or group).
 */
function answeringBody(own: string, meetingBody: string) {
  return sql<number | null>`case
    when ${sql.ref(own)} is not null then ${sql.ref(own)}
    when count(m.id) > 0 and count(m.id) = count(${sql.raw(meetingBody)})
      and min(${sql.raw(meetingBody)}) = max(${sql.raw(meetingBody)})
      then min(${sql.raw(meetingBody)})
    else null end`;
}

function summaryOf(row: AggregateRow): SharedSummary {
  const meetings = Number(row.meetings);
  const shared =
    meetings > 0 && Number(row.with_body) === meetings && row.lo !== null && row.lo === row.hi;
  return {
    id: Number(row.id),
    name: row.name,
    address: row.address,
    serviceBodyId: row.own ?? (shared ? Number(row.lo) : null),
    meetings,
  };
}

/**
 * Lists of the places and groups volunteers keep, a page at a time, with how many meetings use
 * each: a grouped query per list (and one counting its rows), the same on SQLite and
 * PostgreSQL. A meeting's own implicit group (its contact details when it names no group) is
 * that meeting's, so it is not listed.
 */
export function sharedSummaryRepository(db: Kysely<DatabaseSchema>, dialect: DatabaseDialect) {
  async function page(
    count: () => Promise<{ n: string | number }>,
    rows: () => Promise<AggregateRow[]>,
  ): Promise<{ total: number; items: SharedSummary[] }> {
    const [counted, found] = [await count(), await rows()];
    return { total: Number(counted.n), items: found.map(summaryOf) };
  }

  function inScope(body: ReturnType<typeof answeringBody>, filter: SharedSummaryFilter) {
    if (filter.bodyIds === 'all') return sql<SqlBool>`1 = 1`;
    const ids = filter.bodyIds.length > 0 ? [...filter.bodyIds] : [-1];
    return sql<SqlBool>`${body} in (${sql.join(ids)})`;
  }

  function groupsQuery(filter: SharedSummaryFilter) {
    const body = answeringBody('g.service_body_id', 'm.service_body_id');
    let query = db
      .selectFrom('groups as g')
      .leftJoin('meetings as m', 'm.group_id', 'g.id')
      .select([
        'g.id as id',
        'g.name as name',
        sql<null>`null`.as('address'),
        'g.service_body_id as own',
        (eb) => eb.fn.count<string | number>('m.id').as('meetings'),
        (eb) => eb.fn.count<string | number>('m.service_body_id').as('with_body'),
        (eb) => eb.fn.min<number | null>('m.service_body_id').as('lo'),
        (eb) => eb.fn.max<number | null>('m.service_body_id').as('hi'),
      ])
      .where('g.implicit', '=', dialect.codec.toBoolean(false));
    if (filter.text) {
      query = query.where((eb) =>
        eb(eb.fn('lower', ['g.name']), 'like', containsPattern(filter.text ?? '')),
      );
    }
    return query.groupBy(['g.id', 'g.name', 'g.service_body_id']).having(inScope(body, filter));
  }

  function locationsQuery(filter: SharedSummaryFilter) {
    // A meeting's body is its own, else its group's.
    const meetingBody = 'coalesce(m.service_body_id, mg.service_body_id)';
    const body = answeringBody('l.service_body_id', meetingBody);
    let query = db
      .selectFrom('locations as l')
      .leftJoin('meetings as m', 'm.location_id', 'l.id')
      .leftJoin('groups as mg', 'mg.id', 'm.group_id')
      .select([
        'l.id as id',
        'l.name as name',
        'l.formatted_address as address',
        'l.service_body_id as own',
        (eb) => eb.fn.count<string | number>('m.id').as('meetings'),
        sql<string | number>`count(${sql.raw(meetingBody)})`.as('with_body'),
        sql<number | null>`min(${sql.raw(meetingBody)})`.as('lo'),
        sql<number | null>`max(${sql.raw(meetingBody)})`.as('hi'),
      ]);
    if (filter.text) {
      const like = containsPattern(filter.text);
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['l.name']), 'like', like),
          eb(eb.fn('lower', ['l.formatted_address']), 'like', like),
        ]),
      );
    }
    return query
      .groupBy(['l.id', 'l.name', 'l.formatted_address', 'l.service_body_id'])
      .having(inScope(body, filter));
  }

  return {
    /** Groups in reach, by name. */
    groups(filter: SharedSummaryFilter) {
      const query = groupsQuery(filter);
      return page(
        () =>
          db
            .selectFrom(query.as('q'))
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow(),
        () =>
          query
            .orderBy(sql`lower(g.name)`)
            .orderBy('g.id')
            .limit(filter.limit)
            .offset(filter.offset)
            .execute(),
      );
    },
    /** Places in reach, by name, else address. */
    locations(filter: SharedSummaryFilter) {
      const query = locationsQuery(filter);
      return page(
        () =>
          db
            .selectFrom(query.as('q'))
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow(),
        () =>
          query
            .orderBy(sql`lower(coalesce(l.name, l.formatted_address))`)
            .orderBy('l.id')
            .limit(filter.limit)
            .offset(filter.offset)
            .execute(),
      );
    },
  };
}

export type SharedSummaryRepository = ReturnType<typeof sharedSummaryRepository>;
