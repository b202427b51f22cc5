import { type FormEvent, lazy, Suspense, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SearchResponse } from '../api-types.ts';
import { formFields, useBrowserZone, useHydrated } from '../client-state.ts';
import { Chrome } from '../components/Chrome.tsx';
import { MeetingList } from '../components/MeetingList.tsx';
import { type FinderParams, apiQuery, finderHref, finderParamsFrom } from '../finder-params.ts';
import { type Translate, useTranslate } from '../i18n/translate.ts';
import type { FinderModel, Option, SearchProblem } from '../page-model.ts';

// The map (Leaflet and its data) loads only when someone asks for it.
const MeetingMap = lazy(() => import('../map/MeetingMap.tsx'));

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  any: string;
  options: readonly Option[];
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A search problem as shown: with the place that was asked for. */
type Shown = SearchProblem & { readonly place?: string | undefined };

/** A search that went wrong with no word from the server (offline, say). */
const unknownProblem: Shown = { field: null, message: '' };

/**
 * A search problem in the page's language: a place the gazetteer does not know is said in the
 * visitor's words; anything else (only a hand-edited address gets there) with the server's
 * words about the parameter it names, inside a sentence of their own language.
 */
function problemText(t: Translate, problem: Shown): string {
  if (problem.message === '') return t('searchError');
  if (problem.reason === 'unknown_place' && problem.place)
    return t('placeUnknown', { place: problem.place });
  return t('searchInvalid', { message: problem.message });
}

/**
 * The finder. Rendered on the server with the first results, so it works without JavaScript and
 * shows meetings before any script runs; in the browser it searches without reloading, keeps
 * its state in the URL, converts times to the viewer's zone and can show a map.
 */
export function FinderPage({ model }: { model: FinderModel }) {
  const t = useTranslate();
  const [params, setParams] = useState<FinderParams>(model.params);
  const [results, setResults] = useState(model.results);
  const [nextCursor, setNextCursor] = useState<string | null>(
    model.nextHref ? new URLSearchParams(model.nextHref.split('?')[1]).get('cursor') : null,
  );
  const [place, setPlace] = useState(model.place);
  const [at, setAt] = useState(model.at);
  const [error, setError] = useState<Shown | null>(
    model.error ? { ...model.error, place: model.params.place } : null,
  );
  const [busy, setBusy] = useState(false);
  // The page's address for the language switcher: the server's at first (so hydration matches),
  // then that of the latest search, so changing language keeps it.
  const [path, setPath] = useState(model.path);
  const hydrated = useHydrated();
  const browserZone = useBrowserZone();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'denied'>('idle');
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // After "More meetings", focus goes to the first meeting added (by its position in the list).
  const focusMeeting = useRef<number | null>(null);
  const view = params.view === 'map' ? 'map' : 'list';
  const langQuery = model.locale === 'en' ? '' : `?lang=${model.locale}`;

  // Times show in the visitor's zone once the browser says what it is.
  const viewerZone = params.tz ?? browserZone;
  const onHistory = useEffectEvent(() => {
    // Back and forward between searches search again; the skip link's #main (a history entry
    // too) does not, and leaves focus where it took it.
    const search = (query: string) =>
      finderHref({
        ...finderParamsFrom(new URLSearchParams(query)),
        tz: undefined,
        cursor: undefined,
      });
    if (search(window.location.search) === search(path.split('?')[1] ?? '')) return;
    void run(finderParamsFrom(new URLSearchParams(window.location.search)), false);
  });
  useEffect(() => {
    const onPop = () => onHistory();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    const index = focusMeeting.current;
    if (index === null) return;
    focusMeeting.current = null;
    list.current?.querySelectorAll<HTMLElement>('li.meeting h4 a')[index]?.focus();
  }, [results]);

  async function run(next: FinderParams, push: boolean, append = false) {
    setBusy(true);
    setError(null);
    const withZone: FinderParams = {
      ...next,
      tz: next.tz ?? viewerZone ?? undefined,
      lang: model.locale === 'en' ? undefined : model.locale,
    };
    try {
      const response = await fetch(`/api/v1/meetings?${apiQuery(withZone).toString()}`, {
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as SearchResponse & {
        message?: string;
        field?: string;
        reason?: string;
      };
      if (!response.ok) {
        setError(
          body.message
            ? {
                field: body.field ?? null,
                message: body.message,
                place: next.place,
                ...(body.reason ? { reason: body.reason } : {}),
              }
            : unknownProblem,
        );
        return;
      }
      if (append && body.meetings.length > 0) focusMeeting.current = results.length;
      setResults((current) => (append ? [...current, ...body.meetings] : body.meetings));
      setNextCursor(body.next_cursor);
      setPlace(body.place?.label ?? null);
      setAt(Date.parse(body.at));
      const kept: FinderParams = { ...withZone, cursor: undefined };
      setParams(kept);
      const href = finderHref({ ...kept, tz: undefined });
      if (push) window.history.pushState(null, '', href);
      setPath(href);
      // A new search reads from its summary; more meetings from the first one added.
      if (!append) status.current?.focus();
    } catch {
      setError(unknownProblem);
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = finderParamsFrom(formFields(event.currentTarget));
    // A typed place replaces a location from the browser.
    if (next.place) delete next.near;
    void run({ ...next, view: params.view }, true);
  }

  function locateMe() {
    if (!('geolocation' in navigator)) {
      setLocating('denied');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        const near = `${position.coords.latitude.toFixed(4)},${position.coords.longitude.toFixed(4)}`;
        const current = form.current ? finderParamsFrom(formFields(form.current)) : params;
        void run({ ...current, place: undefined, near, view: params.view }, true);
      },
      () => setLocating('denied'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  }

  const anyChoice = Boolean(
    params.radius_km ||
    params.day ||
    params.time ||
    params.attendance ||
    params.fellowship ||
    params.types ||
    params.language ||
    params.q,
  );
  const resultsHeading = place
    ? t('resultsNear', { place })
    : params.near
      ? t('resultsNearYou')
      : t('resultsHeading');
  const moreHref = nextCursor ? finderHref({ ...params, cursor: nextCursor }) : null;

  return (
    <Chrome t={t} locale={model.locale} path={path} demo={model.demo} current="find">
      <h1>{t('finderTitle')}</h1>
      <p className="intro">{t('finderIntro')}</p>
      <form ref={form} className="search" method="get" action="/" role="search" onSubmit={onSubmit}>
        {model.locale !== 'en' ? <input type="hidden" name="lang" value={model.locale} /> : null}
        {params.near && !params.place ? (
          <input type="hidden" name="near" value={params.near} />
        ) : null}
        {params.view ? <input type="hidden" name="view" value={params.view} /> : null}
        <div className="field place">
          <label htmlFor="place">{t('placeLabel')}</label>
          <input
            id="place"
            name="place"
            type="text"
            inputMode="search"
            autoComplete="address-level2"
            defaultValue={params.place ?? ''}
            aria-describedby="place-hint"
          />
          <p id="place-hint" className="hint">
            {t('placeHint')}
          </p>
          <button
            type="button"
            className="secondary"
            hidden={!hydrated}
            onClick={locateMe}
            disabled={locating === 'busy'}
          >
            {locating === 'busy' ? t('locating') : t('useMyLocation')}
          </button>
          {locating === 'denied' ? (
            <p className="hint" role="status">
              {t('locationDenied')}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('search')}
          </button>
          <a href={finderHref({ lang: params.lang, view: params.view })}>{t('clearFilters')}</a>
        </div>
        <details className="choices" open={anyChoice}>
          <summary>{t('moreChoices')}</summary>
          <div className="filters">
            <Select
              id="radius_km"
              name="radius_km"
              label={t('radiusLabel')}
              value={params.radius_km}
              any={t('radiusKm', { km: 25 })}
              options={[5, 10, 50, 100].map((km) => ({
                value: String(km),
                label: t('radiusKm', { km }),
              }))}
            />
            <Select
              id="day"
              name="day"
              label={t('dayLabel')}
              value={params.day}
              any={t('anyDay')}
              options={[
                { value: 'today', label: t('today') },
                { value: 'tomorrow', label: t('tomorrow') },
              ]}
            />
            <Select
              id="time"
              name="time"
              label={t('timeLabel')}
              value={params.time}
              any={t('anyTime')}
              options={[
                { value: 'morning', label: t('morning') },
                { value: 'afternoon', label: t('afternoon') },
                { value: 'evening', label: t('evening') },
              ]}
            />
            <Select
              id="attendance"
              name="attendance"
              label={t('attendanceLabel')}
              value={params.attendance}
              any={t('anyAttendance')}
              options={(['in_person', 'online', 'hybrid'] as const).map((a) => ({
                value: a,
                label: t(`attendance_${a}`),
              }))}
            />
            <Select
              id="fellowship"
              name="fellowship"
              label={t('fellowshipLabel')}
              value={params.fellowship}
              any={t('anyFellowship')}
              options={model.options.fellowships}
            />
            <Select
              id="types"
              name="types"
              label={t('typeLabel')}
              value={params.types}
              any={t('anyType')}
              options={model.options.types}
            />
            <Select
              id="language"
              name="language"
              label={t('languageLabel')}
              value={params.language}
              any={t('anyLanguage')}
              options={model.options.languages}
            />
            <div className="field">
              <label htmlFor="q">{t('textLabel')}</label>
              <input id="q" name="q" type="search" defaultValue={params.q ?? ''} />
            </div>
          </div>
        </details>
      </form>

      <nav className="views" aria-label={t('viewLabel')}>
        <a
          href={finderHref(params, { view: undefined, cursor: undefined })}
          aria-current={view === 'list' ? 'page' : undefined}
        >
          {t('viewList')}
        </a>
        <a
          href={finderHref(params, { view: 'map', cursor: undefined })}
          aria-current={view === 'map' ? 'page' : undefined}
        >
          {t('viewMap')}
        </a>
      </nav>

      <h2 id="results-heading">{resultsHeading}</h2>
      <p ref={status} className="status" role="status" tabIndex={-1}>
        {(error && problemText(t, error)) ??
          (results.length === 0
            ? t('noResults')
            : !place && !params.near
              ? t('onlineSoonHint')
              : t('resultsCount', { count: results.length }))}
      </p>
      {view === 'map' ? (
        hydrated ? (
          <Suspense fallback={null}>
            <MeetingMap t={t} meetings={results} tiles={model.tiles} langQuery={langQuery} />
          </Suspense>
        ) : (
          <p className="hint">{t('mapNeedsScript')}</p>
        )
      ) : null}
      <MeetingList
        containerRef={list}
        t={t}
        locale={model.locale}
        meetings={results}
        at={at}
        viewerZone={viewerZone}
        langQuery={langQuery}
        typeNames={model.typeNames}
      />
      {moreHref ? (
        <p className="more">
          <a
            href={moreHref}
            onClick={(event) => {
              event.preventDefault();
              void run({ ...params, cursor: nextCursor ?? undefined }, false, true);
            }}
          >
            {t('loadMore')}
          </a>
        </p>
      ) : null}
    </Chrome>
  );
}
