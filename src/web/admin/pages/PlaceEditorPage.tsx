import { type FormEvent, type ReactNode, Suspense, lazy, useState } from 'react';
import type { PlaceDetails, PlaceWrite } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { BodyChoice, DeleteShared, UsedBy, chosenBody } from '../components/SharedParts.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { Checkbox, FormError, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { coordinate, pointOf } from '../meeting/coordinates.ts';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { bodiesWhere } from '../permissions.ts';
import { problemOf, useProblem } from '../problems.ts';
import { Link, navigate } from '../router.tsx';
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

const blank: PlaceDetails = {
  id: 0,
  name: null,
  formatted_address: null,
  street: null,
  city: null,
  state: null,
  postal_code: null,
  country: null,
  latitude: null,
  longitude: null,
  approximate: false,
  regions: [],
  notes: null,
  timezone: '',
  service_body_id: null,
  meetings: [],
};

/** A place, for all its meetings: its address, its point (on the map), its zone. */
export function PlaceEditorPage({ id }: { id: number }) {
  const loaded = useLoad(`place:${id}`, () => api.place(id));
  const [saved, setSaved] = useState<{ place: PlaceDetails; version: number } | null>(null);
  const { bodies } = useSession();
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
  const label = place.name ?? place.formatted_address ?? String(id);
  const save = async (write: PlaceWrite) => {
    const p = await api.savePlace(place.id, write);
    setSaved({ place: { ...place, ...p }, version: (saved?.version ?? 0) + 1 });
  };
  return (
    <>
      <PageHeading title={`Edit the place “${label}”`} />
      <p className="meta">
        Place number {place.id} · kept by{' '}
        {place.service_body_id === null
          ? 'the service body of its meetings'
          : bodyName(bodies, place.service_body_id)}
      </p>
      <UsedBy
        id="place-meetings"
        title={`Meetings here (${place.meetings.length})`}
        meetings={place.meetings}
      />
      <PlaceForm
        key={saved?.version ?? 0}
        place={place}
        saved={saved === null ? null : 'Saved. Every meeting at this place shows the change now.'}
        submit={{ label: 'Save the place', busy: 'Saving…' }}
        onSubmit={save}
      />
      <DeleteShared
        what="place"
        label={label}
        meetings={place.meetings.length}
        onDelete={async () => {
          await api.deletePlace(place.id);
          navigate(href.places, { flash: `Deleted the place “${label}”.` });
        }}
      />
    </>
  );
}

/** A place no meeting uses yet, kept by one of the person's bodies; meetings are moved to it. */
export function NewPlacePage() {
  const { me, bodies } = useSession();
  const mine = bodiesWhere(me, 'edit_listings', bodies);
  const [bodyId, setBodyId] = useState(() => String(mine[0]?.id ?? ''));
  const create = async (write: PlaceWrite) => {
    const created = await api.createPlace({ ...write, service_body_id: chosenBody(bodyId) });
    navigate(href.place(created.id), {
      flash: 'Added the place. Move meetings to it from My meetings.',
    });
  };
  return (
    <>
      <PageHeading title="Add a place" />
      <PlaceForm
        place={blank}
        saved={null}
        submit={{ label: 'Add the place', busy: 'Adding…' }}
        onSubmit={create}
        creating
        before={
          <BodyChoice
            id={`${FORM}-service_body_id`}
            bodies={mine}
            admin={me.is_admin}
            value={bodyId}
            onValue={setBodyId}
          />
        }
      />
    </>
  );
}

function PlaceForm(props: {
  place: PlaceDetails;
  /** What to say once saved (null: not saved yet). */
  saved: string | null;
  submit: { label: string; busy: string };
  onSubmit: (write: PlaceWrite) => Promise<void>;
  /** A new place: everything filled in is sent, and nothing filled in is the server's to refuse. */
  creating?: boolean;
  before?: ReactNode;
}) {
  const { place } = props;
  const { config } = useSession();
  const [baseline] = useState(() => formOf(place));
  const [form, setForm] = useState(baseline);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ text: string; ok: boolean } | null>(null);
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
    if (props.creating && !form.text.name.trim() && !form.text.formatted_address.trim()) {
      problems.show({
        field: 'formatted_address',
        message: 'Give the place an address or a name.',
      });
      return;
    }
    if (!dirty && !props.creating) {
      problems.show({ field: null, message: 'Nothing has changed yet: there is nothing to save.' });
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(write);
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const findAddress = () => {
    const t = form.text;
    const address =
      t.formatted_address.trim() ||
      [t.street, t.city, t.postal_code, t.country]
        .map((p) => p.trim())
        .filter(Boolean)
        .join(', ');
    if (address.length < 2) {
      setFound({ text: 'Type the address first, then find it.', ok: false });
      return;
    }
    api.geocode(address).then(
      (point) => {
        setForm((f) => ({
          approximate: true,
          text: {
            ...f.text,
            latitude: String(point.latitude),
            longitude: String(point.longitude),
            timezone: point.timezone ?? f.text.timezone,
          },
        }));
        setFound({
          text: `The pin is at the centre of ${point.matched}, roughly: drag it to the door.`,
          ok: true,
        });
      },
      (error: unknown) => setFound({ text: problemOf(error).message, ok: false }),
    );
  };

  return (
    <>
      {props.saved && !dirty ? <FocusMessage kind="done">{props.saved}</FocusMessage> : null}
      <form className="stack editor" onSubmit={(e) => void save(e)} noValidate>
        <h2>The place</h2>
        <FormError id={FORM} message={problems.general} />
        {props.before}
        <TextField {...text('name')} label="Place name" hint="Such as St Mary’s Church Hall." />
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
        <div className="actions">
          <button type="button" className="secondary" onClick={findAddress}>
            Find the address on the map
          </button>
        </div>
        {found ? (
          <FocusMessage kind={found.ok ? 'info' : 'error'} nonce={found}>
            {found.text}
          </FocusMessage>
        ) : null}
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
            {busy ? props.submit.busy : props.submit.label}
          </button>
        </div>
      </form>
    </>
  );
}
