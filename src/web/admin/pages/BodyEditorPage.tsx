import { useState } from 'react';
import { bodiesWithin } from '../../../domain/account/permissions.ts';
import { serviceBodyKinds } from '../../../domain/service-body/service-body.ts';
import type { ServiceBodyDetails, ServiceBodyKind, ServiceBodyWrite } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import {
  type EditorProps,
  FormActions,
  NotLoaded,
  useEditorSubmit,
} from '../components/EditorParts.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { DeleteShared } from '../components/SharedParts.tsx';
import { FormError, SelectField, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { bodiesWhere } from '../permissions.ts';
import { useProblem } from '../problems.ts';
import { navigate, useLocation } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

export const kindLabels: Record<ServiceBodyKind, string> = {
  zone: 'Zone',
  national: 'National',
  region: 'Region',
  area: 'Area',
  district: 'District',
  intergroup: 'Intergroup',
  other: 'Other',
};

const FORM = 'body';
const textFields = ['name', 'fellowship', 'email', 'phone', 'website', 'service_area'] as const;
type BodyText = Record<(typeof textFields)[number] | 'kind' | 'parent_id', string>;
const FIELDS: ReadonlySet<string> = new Set([...textFields, 'kind', 'parent_id']);

function formOf(body: ServiceBodyDetails): BodyText {
  const text = Object.fromEntries(textFields.map((f) => [f, body[f] ?? ''])) as BodyText;
  text.kind = body.kind;
  text.parent_id = body.parent_id === null ? '' : String(body.parent_id);
  return text;
}

/** Only what changed, as the API takes it. */
function writeOf(before: BodyText, after: BodyText): ServiceBodyWrite {
  const out: Record<string, unknown> = {};
  for (const f of textFields) {
    if (before[f].trim() === after[f].trim()) continue;
    const value = after[f].trim();
    // A body always has a fellowship: left empty, it stays.
    if (f === 'fellowship' && value === '') continue;
    out[f] = value === '' ? null : value;
  }
  if (before.kind !== after.kind) out.kind = after.kind;
  if (before.parent_id !== after.parent_id) {
    out.parent_id = after.parent_id ? Number(after.parent_id) : null;
  }
  return out;
}

/** A service body: its name, kind and place in the tree, and how to reach it. */
export function BodyEditorPage({ id }: { id: number }) {
  const loaded = useLoad(`body:${id}`, () => api.serviceBody(id));
  const { bodies, refresh } = useSession();
  const [saved, setSaved] = useState<{ body: ServiceBodyDetails; version: number } | null>(null);
  const body = saved?.body ?? loaded.data;
  if (!body) {
    return (
      <NotLoaded
        error={loaded.error}
        what="service body"
        back={{ href: href.bodies, label: 'Service bodies' }}
      />
    );
  }
  const beneath = bodies.filter((b) => b.parent_id === id).length;
  const save = async (write: ServiceBodyWrite) => {
    const b = await api.saveServiceBody(id, write);
    await refresh();
    setSaved({ body: { ...body, ...b }, version: (saved?.version ?? 0) + 1 });
  };
  return (
    <>
      <PageHeading title={`Edit the service body “${body.name}”`} />
      <p className="meta">
        Service body number {id} · {body.meetings.length} meeting
        {body.meetings.length === 1 ? '' : 's'} of its own · {beneath} bod
        {beneath === 1 ? 'y' : 'ies'} beneath
      </p>
      <BodyForm
        key={saved?.version ?? 0}
        body={body}
        // A body cannot be put beneath itself or a body beneath it.
        exclude={bodiesWithin(id, new Map(bodies.map((b) => [b.id, b.parent_id])))}
        saved={saved === null ? null : 'Saved.'}
        submit={{ label: 'Save the service body', busy: 'Saving…' }}
        onSubmit={save}
      />
      <DeleteShared
        what="service body"
        label={body.name}
        meetings={body.meetings.length}
        onDelete={async () => {
          await api.deleteServiceBody(id);
          await refresh();
          navigate(href.bodies, { flash: `Deleted the service body “${body.name}”.` });
        }}
      />
    </>
  );
}

/** A body beneath one the person manages (`?parent=`), or, for an administrator, a top body. */
export function NewBodyPage() {
  const { bodies, refresh } = useSession();
  const { search } = useLocation();
  const parent = Number(new URLSearchParams(search).get('parent'));
  const above = bodies.find((b) => b.id === parent) ?? null;
  const blank: ServiceBodyDetails = {
    id: 0,
    name: '',
    kind: above?.kind === 'area' ? 'district' : 'other',
    parent_id: above?.id ?? null,
    fellowship: above?.fellowship ?? 'aa',
    email: null,
    phone: null,
    website: null,
    service_area: null,
    meetings: [],
  };
  const create = async (write: ServiceBodyWrite) => {
    const created = await api.createServiceBody({
      ...write,
      parent_id: write.parent_id === undefined ? blank.parent_id : write.parent_id,
      fellowship: write.fellowship ?? blank.fellowship,
      kind: write.kind ?? blank.kind,
    });
    await refresh();
    navigate(href.body(created.id), { flash: 'Added the service body.' });
  };
  return (
    <>
      <PageHeading title="Add a service body" />
      <BodyForm
        body={blank}
        exclude={new Set()}
        saved={null}
        submit={{ label: 'Add the service body', busy: 'Adding…' }}
        onSubmit={create}
        creating
      />
    </>
  );
}

function BodyForm(
  props: EditorProps<ServiceBodyWrite> & {
    body: ServiceBodyDetails;
    /** Bodies it may not be put beneath (itself and those beneath it). */
    exclude: ReadonlySet<number>;
  },
) {
  const { me, bodies } = useSession();
  const [baseline] = useState(() => formOf(props.body));
  const [form, setForm] = useState(baseline);
  const problems = useProblem(FORM, FIELDS);
  const write = writeOf(baseline, form);
  const dirty = Object.keys(write).length > 0;
  useUnsavedWarning(dirty);
  const text = (field: keyof BodyText) => ({
    id: `${FORM}-${field}`,
    value: form[field],
    onValue: (value: string) => setForm({ ...form, [field]: value }),
    error: problems.errorFor(field),
  });
  // Beneath a body the person manages; a top body is an administrator's to make.
  const parents = bodiesWhere(me, 'manage_bodies', bodies).filter((b) => !props.exclude.has(b.id));
  const current = props.body.parent_id;
  const parentOptions = [
    ...(me.is_admin || current === null ? [{ value: '', label: 'None: a top-level body' }] : []),
    ...(current !== null && !parents.some((b) => b.id === current)
      ? [{ value: String(current), label: bodyName(bodies, current) }]
      : []),
    ...parents.map((b) => ({ value: String(b.id), label: b.name })),
  ];

  const { busy, submit } = useEditorSubmit({
    props,
    write,
    dirty,
    problems,
    check: () =>
      form.name.trim() ? null : { field: 'name', message: 'Give the service body a name.' },
  });

  return (
    <>
      {props.saved && !dirty ? <FocusMessage kind="done">{props.saved}</FocusMessage> : null}
      <form className="stack editor" onSubmit={submit} noValidate>
        <h2>The service body</h2>
        <FormError id={FORM} message={problems.general} />
        <TextField {...text('name')} label="Name" />
        <SelectField
          {...text('kind')}
          label="Kind"
          options={serviceBodyKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        />
        <SelectField
          {...text('parent_id')}
          label="Beneath"
          hint="The body above it in the service structure."
          options={parentOptions}
        />
        <TextField
          {...text('fellowship')}
          label="Fellowship"
          hint="Its short name, such as aa or na."
          className="short"
        />
        <TextField {...text('service_area')} label="Where it serves" />
        <TextField {...text('email')} label="E-mail" type="email" />
        <TextField {...text('phone')} label="Phone" type="tel" />
        <TextField {...text('website')} label="Website" type="url" inputMode="url" />
        <FormActions dirty={dirty} busy={busy} submit={props.submit} />
      </form>
    </>
  );
}
