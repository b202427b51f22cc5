import type { Clock } from '../../adapters/clock.ts';
import type { Store } from '../../adapters/db/database.ts';
import type { Repositories } from '../../adapters/db/repositories/repositories.ts';
import { zoneAt } from '../../adapters/geo/timezone-lookup.ts';
import { type FeedInput, readFeedInput } from '../../adapters/input/feed-input.ts';
import { AppError } from '../../domain/errors.ts';
import { DEFAULT_FELLOWSHIP_ID } from '../../domain/fellowship/fellowships.builtin.ts';
import type { ListingProblem, ListingRecord } from '../../domain/listing/listing.ts';
import { LOCAL_SOURCE } from '../../domain/listing/local-source.ts';
import { isValidTimeZone } from '../../domain/schedule/time-zone.ts';
import { type FeedFormat, detectFeedFormat } from '../../formats/feed-format.ts';
import { jsonArray, parseJson } from '../../formats/json-array.ts';
import {
  type FeedReadOptions,
  type FeedReadResult,
  readMeetingGuideFeed,
  readMeetingGuideItems,
} from '../../formats/meeting-guide/meeting-guide.reader.ts';
import { readTsmlCsv } from '../../formats/tsml-csv/tsml-csv.reader.ts';
import { type SharedPlan, planSharedRows } from './shared-rows.ts';
import { type SyncCounts, syncSource } from './source-sync.ts';

export type ImportPhase = 'reading' | 'writing';

export interface ImportRequest {
  /** A file path or an http(s) URL. */
  readonly location: string;
  /** The source the meetings belong to; by default the file name or host. */
  readonly source?: string;
  readonly format: FeedFormat | 'auto';
  /** Zone for meetings with neither a zone nor coordinates. */
  readonly timezone?: string;
  /** Fellowship for meetings whose record names none. */
  readonly fellowship?: string;
  readonly prune: boolean;
  /** Work everything out and report it, but write nothing. */
  readonly dryRun?: boolean;
}

export interface ImportDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ImportReport extends SyncCounts {
  readonly source: string;
  readonly location: string;
  readonly format: FeedFormat;
  readonly fellowship: string;
  readonly fellowshipOrigin: 'option' | 'source' | 'default';
  readonly read: number;
  /** Meetings left out for their problems (errors). */
  readonly skipped: number;
  readonly problems: readonly ListingProblem[];
  readonly dryRun: boolean;
}

/** Thrown inside a dry run's transaction to undo it. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

function checkRequest(
  request: Omit<ImportRequest, 'location'>,
  knownFellowships: ReadonlySet<string>,
): void {
  if (request.timezone !== undefined && !isValidTimeZone(request.timezone)) {
    throw new AppError(
      'invalid_input',
      `--timezone "${request.timezone}" is not a time zone: use an IANA name such as America/Chicago`,
      { field: 'timezone' },
    );
  }
  if (request.fellowship !== undefined && !knownFellowships.has(request.fellowship)) {
    throw new AppError(
      'invalid_input',
      `--fellowship "${request.fellowship}" is not a known fellowship: see \`greendoor fellowships list\``,
      { field: 'fellowship' },
    );
  }
  if (
    request.source !== undefined &&
    (request.source.trim() === '' || request.source.length > 80)
  ) {
    throw new AppError('invalid_input', '--source must be a name of 1 to 80 characters', {
      field: 'source',
    });
  }
}

function readFeed(input: FeedInput, format: FeedFormat, options: FeedReadOptions): FeedReadResult {
  switch (format) {
    case 'meeting-guide': {
      // A feed is read an item at a time; anything but an array is parsed whole to say what it is.
      const array = jsonArray(input.text, input.location);
      if (array) return readMeetingGuideItems(array, options);
      return readMeetingGuideFeed(parseJson(input.text, input.location), options);
    }
    case 'csv':
      // A table exported from a website's admin may hold contacts it never published.
      return readTsmlCsv(input.text, { ...options, contactsPublic: false });
  }
}

async function resolveFellowship(
  repos: Repositories,
  request: Omit<ImportRequest, 'location'>,
  sourceName: string,
): Promise<{ id: string; origin: ImportReport['fellowshipOrigin'] }> {
  if (request.fellowship) return { id: request.fellowship, origin: 'option' };
  const source = await repos.sources.findByName(sourceName);
  if (source?.fellowshipId) return { id: source.fellowshipId, origin: 'source' };
  return { id: DEFAULT_FELLOWSHIP_ID, origin: 'default' };
}

/**
 * Imports a Meeting Guide feed or a 12 Step Meeting List CSV table as one source, in one
 * transaction: bad input changes nothing, and importing the same feed twice changes nothing.
 */
export async function importFeed(
  request: ImportRequest,
  deps: ImportDependencies,
): Promise<ImportReport> {
  checkRequest(request, await deps.store.fellowships.ids());
  // Only the prepared import outlives this line: the feed's text is garbage before writing starts.
  const prepared = await prepareImport(await readFeedInput(request.location), request, deps);
  return writeImport(prepared, request, deps);
}

/** Imports a feed already in hand (the demo dataset, a request body). */
export async function importInput(
  input: FeedInput,
  request: Omit<ImportRequest, 'location'>,
  deps: ImportDependencies,
): Promise<ImportReport> {
  return writeImport(await prepareImport(input, request, deps), request, deps);
}

/** A feed read, checked and planned: everything an import writes, and nothing of its text. */
interface PreparedImport {
  readonly location: string;
  readonly format: FeedFormat;
  readonly sourceName: string;
  readonly fellowship: { id: string; origin: ImportReport['fellowshipOrigin'] };
  readonly read: number;
  readonly slugs: ReadonlySet<string>;
  readonly records: readonly ListingRecord[];
  readonly plan: SharedPlan;
  readonly problems: ListingProblem[];
}

async function prepareImport(
  input: FeedInput,
  request: Omit<ImportRequest, 'location'>,
  deps: ImportDependencies,
): Promise<PreparedImport> {
  const knownFellowships = await deps.store.fellowships.ids();
  checkRequest(request, knownFellowships);
  const format =
    request.format === 'auto'
      ? detectFeedFormat(input.text, input.location, input.contentType)
      : request.format;
  const sourceName = (request.source ?? input.suggestedName).trim();
  if (sourceName === LOCAL_SOURCE) {
    throw new AppError(
      'invalid_input',
      `the source "${LOCAL_SOURCE}" holds the meetings volunteers add here: give the feed another name with --source`,
      { field: 'source' },
    );
  }
  const fellowship = await resolveFellowship(deps.store, request, sourceName);
  const feed = readFeed(input, format, {
    defaultFellowship: fellowship.id,
    knownFellowships,
    zoneAt,
    fallbackZone: request.timezone ?? deps.defaultTimezone,
    fallbackZoneOrigin: request.timezone ? 'option' : 'default',
    contactsPublic: true,
    onProgress: (done, total) => deps.onProgress?.('reading', done, total),
  });
  const problems = [...feed.problems];
  const { plan, records } = planSharedRows(feed.records, problems);
  return {
    location: input.location,
    format,
    sourceName,
    fellowship,
    read: feed.read,
    slugs: feed.slugs,
    records,
    plan,
    problems,
  };
}

/** Writes a prepared import in one transaction (rolled back again for a dry run). */
async function writeImport(
  prepared: PreparedImport,
  request: Omit<ImportRequest, 'location'>,
  deps: ImportDependencies,
): Promise<ImportReport> {
  const { store, clock } = deps;
  const { sourceName, fellowship, records, format } = prepared;
  const now = clock.now().toISOString();

  const run = async (repos: Repositories): Promise<ImportReport> => {
    const source =
      (await repos.sources.findByName(sourceName)) ??
      (await repos.sources.create(sourceName, fellowship.id, now));
    const counts = await syncSource(repos, records, prepared.plan, {
      sourceId: source.id,
      sourceName,
      prune: request.prune,
      slugsInFeed: prepared.slugs,
      now,
      codec: store.dialect.codec,
      onProgress: (done, total) => deps.onProgress?.('writing', done, total),
    });
    if (counts.created + counts.updated + counts.removed > 0) {
      await repos.changes.record('source', source.id, now);
    }
    await repos.sources.recordImport(source.id, {
      url: prepared.location,
      format,
      fellowshipId: fellowship.id,
      at: now,
    });
    return {
      source: sourceName,
      location: prepared.location,
      format,
      fellowship: fellowship.id,
      fellowshipOrigin: fellowship.origin,
      read: prepared.read,
      skipped: prepared.read - records.length,
      ...counts,
      problems: prepared.problems,
      dryRun: request.dryRun === true,
    };
  };

  if (!request.dryRun) return store.transaction(run);
  try {
    await store.transaction(async (repos) => {
      throw new DryRunRollback(await run(repos));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
