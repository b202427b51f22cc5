import { type FormEvent, Suspense, lazy, useState } from 'react';
import type { PlaceDetails } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { Checkbox, FormError, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { coordinate, pointOf } from '../meeting/coordinates.ts';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { problemOf, useProblem } from '../problems.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

const PinMap = lazy(() => import('../components/PinMap.tsx'));

const FORM = 'place';
const textFields = [
  'name',
  'formatted_address',
  'street',
  'city',
  'state',
  'postal_code',
  'country',
  'notes',
  'timezone',
] as const;
type PlaceText = Record<(typeof textFields)[number] | 'latitude' | 'longitude' | 'regions', string>;
const FIELDS: ReadonlySet<string> = new Set([
  ...textFields,
  'latitude',
  'longitude',
  'regions',
  'approximate',
]);

function formOf(place: PlaceDetails): { text: PlaceText; approximate: boolean } {
  const text = Object.fromEntries(textFields.map((f) => [f, place[f] ?? ''])) as PlaceText;
  text.latitude = place.latitude === null ? '' : String(place.latitude);
  text.longitude = place.longitude === null ? '' : String(place.longitude);
  text.regions = place.regions.join(', ');
  return { text, approximate: place.approximate };
}

/** Only what changed, as the API takes it. */
function writeOf(
  before: ReturnType<typeof formOf>,
  after: ReturnType<typeof formOf>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of textFields) {
    if (before.text[f].trim() === after.text[f].trim()) continue;
    const value = after.text[f].trim();
    // A zone cannot be removed, only changed; left empty, it stays.
    if (f === 'timezone' && value === '') continue;
    out[f] = value === '' ? null : value;
  }
  if (
    before.text.latitude.trim() !== after.text.latitude.trim() ||
    before.text.longitude.trim() !== after.text.longitude.trim()
  ) {
    out.latitude = coordinate(after.text.latitude);
    out.longitude = coordinate(after.text.longitude);
  }
  if (before.text.regions.trim() !== after.text.regions.trim()) {
    out.regions = after.text.regions
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  }
  if (before.approximate !== after.approximate) out.approximate = after.approximate;
  return out;
}

/** A place, for all its meetings: its address, its point (on the map), its zone. */
export function PlaceEditorPage({ id }: { id: number }) {
  const loaded = useLoad(`place:${id}`, () => api.place(id));
  const [saved, setSaved] = useState<{ place: PlaceDetails; version: number } | null>(null);
  const place = saved?.place ?? loaded.data;
  if (loaded.error) {
    return (
      <>
        <PageHeading title="Place not found" />
        <p className="message error">{problemOf(loaded.error).message}</p>
        <p>
          <Link href={href.places}>Places and groups</Link>
        </p>
      </>
    );
  }
  if (!place) {
    return (
      <>
        <PageHeading title="Edit a place" />
        <p className="status" role="status">
          Loading the place…
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Edit the place “${place.name ?? place.formatted_address ?? id}”`} />
      <PlaceForm
        key={saved?.version ?? 0}
        place={place}
        justSaved={saved !== null}
        onSaved={(p) => setSaved({ place: { ...place, ...p }, version: (saved?.version ?? 0) + 1 })}
      />
    </>
  );
}

function PlaceForm(props: {
  place: PlaceDetails;
  justSaved: boolean;
  onSaved: (place: PlaceDetails) => void;
}) {
  const { place } = props;
  const { bodies, config } = useSession();
  const [baseline] = useState(() => formOf(place));
  const [form, setForm] = useState(baseline);
  const [busy, setBusy] = useState(false);
  const problems = useProblem(FORM, FIELDS);
  const write = writeOf(baseline, form);
  const dirty = Object.keys(write).length > 0;
  useUnsavedWarning(dirty);
  const text = (field: keyof PlaceText) => ({
    id: `${FORM}-${field}`,
    value: form.text[field],
    onValue: (value: string) => setForm({ ...form, text: { ...form.text, [field]: value } }),
    error: problems.errorFor(field),
  });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    for (const f of ['latitude', 'longitude'] as const) {
      if (form.text[f].trim() !== '' && coordinate(form.text[f]) === null) {
        problems.show({ field: f, message: 'Give a number, such as 51.5074 (or leave it empty).' });
        return;
      }
    }
    if (!dirty) {
      problems.show({ field: null, message: 'Nothing has changed yet: there is nothing to save.' });
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await api.savePlace(place.id, write));
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="meta">
        Place number {place.id} · kept by{' '}
        {place.service_body_id === null
          ? 'the service body of its meetings'
          : bodyName(bodies, place.service_body_id)}
      </p>
      {props.justSaved && !dirty ? (
        <FocusMessage kind="done">
          Saved. Every meeting at this place shows the change now.
        </FocusMessage>
      ) : null}
      <section aria-labelledby="place-meetings">
        <h2 id="place-meetings">Meetings here ({place.meetings.length})</h2>
        <ul className="plain-list">
          {place.meetings.map((m) => (
            <li key={m.slug}>
              <Link href={href.meeting(m.slug)}>{m.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <form className="stack editor" onSubmit={(e) => void save(e)} noValidate>
        <h2>The place</h2>
        <FormError id={FORM} message={problems.general} />
        <TextField {...text('name')} label="Place name" />
        <TextField {...text('formatted_address')} label="Address" />
        <div className="pair">
          <TextField {...text('street')} label="Street" />
          <TextField {...text('city')} label="Town or city" />
        </div>
        <div className="pair">
          <TextField {...text('state')} label="State or county" />
          <TextField {...text('postal_code')} label="Postcode" className="short" />
        </div>
        <TextField {...text('country')} label="Country" />
        <TextField
          {...text('regions')}
          label="Regions"
          hint="From the largest, separated by commas."
        />
        <TextArea {...text('notes')} label="Directions at the place" rows={2} />
        <div className="pair">
          <TextField {...text('latitude')} label="Latitude" inputMode="decimal" className="short" />
          <TextField
            {...text('longitude')}
            label="Longitude"
            inputMode="decimal"
            className="short"
          />
        </div>
        <Checkbox
          id={`${FORM}-approximate`}
          label="The point is approximate (a town’s or postcode’s centre)"
          checked={form.approximate}
          onChecked={(approximate) => setForm({ ...form, approximate })}
          error={problems.errorFor('approximate')}
        />
        <Suspense fallback={<p className="status">Loading the map…</p>}>
          <PinMap
            id={`${FORM}-map`}
            latitude={pointOf(form.text.latitude, form.text.longitude)?.latitude ?? null}
            longitude={pointOf(form.text.latitude, form.text.longitude)?.longitude ?? null}
            tiles={config.tiles}
            onMove={(lat, lng) =>
              setForm({
                ...form,
                approximate: false,
                text: { ...form.text, latitude: String(lat), longitude: String(lng) },
              })
            }
          />
        </Suspense>
        <TextField
          {...text('timezone')}
          label="Time zone"
          hint="Worked out from the point when it moves; change it only if that is wrong."
        />
        <div className="form-actions">
          <span className="dirty" aria-live="polite">
            {dirty ? 'Changes not saved yet' : ''}
          </span>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the place'}
          </button>
        </div>
      </form>
    </>
  );
}
