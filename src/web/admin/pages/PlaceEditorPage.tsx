import { Suspense, lazy, useState } from 'react';
import type { PlaceDetails, PlaceWrite } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { DeleteShared, UsedBy, useBodyChoice } from '../components/SharedParts.tsx';
import {
  type EditorProps,
  FormActions,
  NotLoaded,
  useEditorSubmit,
} from '../components/EditorParts.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { Checkbox, FormError, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { coordinate, pointOf } from '../meeting/coordinates.ts';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { problemOf, useProblem } from '../problems.ts';
import { navigate } from '../router.tsx';
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
  if (!place) {
    return (
      <NotLoaded
        error={loaded.error}
        what="place"
        back={{ href: href.places, label: 'Places and groups' }}
      />
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
  const keeper = useBodyChoice(`${FORM}-service_body_id`);
  const create = async (write: PlaceWrite) => {
    const created = await api.createPlace({ ...write, service_body_id: keeper.serviceBodyId });
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
        before={keeper.field}
      />
    </>
  );
}

function PlaceForm(props: EditorProps<PlaceWrite> & { place: PlaceDetails }) {
  const { place } = props;
  const { config } = useSession();
  const [baseline] = useState(() => formOf(place));
  const [form, setForm] = useState(baseline);
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

  const { busy, submit } = useEditorSubmit({
    props,
    write,
    dirty,
    problems,
    check: () => {
      for (const f of ['latitude', 'longitude'] as const) {
        if (form.text[f].trim() !== '' && coordinate(form.text[f]) === null) {
          return { field: f, message: 'Give a number, such as 51.5074 (or leave it empty).' };
        }
      }
      return props.creating && !form.text.name.trim() && !form.text.formatted_address.trim()
        ? { field: 'formatted_address', message: 'Give the place an address or a name.' }
        : null;
    },
  });

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
      <form className="stack editor" onSubmit={submit} noValidate>
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
        <FormActions dirty={dirty} busy={busy} submit={props.submit} />
      </form>
    </>
  );
}
