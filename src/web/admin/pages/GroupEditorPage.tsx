import { useState } from 'react';
import type { GroupContact, GroupDetails, GroupWrite } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import {
  type EditorProps,
  FormActions,
  NotLoaded,
  useEditorSubmit,
} from '../components/EditorParts.tsx';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { DeleteShared, UsedBy, useBodyChoice } from '../components/SharedParts.tsx';
import { Checkbox, FormError, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { useProblem } from '../problems.ts';
import { navigate } from '../router.tsx';
import { href } from '../routes.ts';
import { bodyName, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

const FORM = 'group';
const textFields = [
  'name',
  'notes',
  'website',
  'email',
  'phone',
  'venmo',
  'paypal',
  'square',
  'homegroup_online',
] as const;
type GroupText = Record<(typeof textFields)[number], string>;
interface ContactText {
  name: string;
  email: string;
  phone: string;
  public: boolean;
}
interface GroupForm {
  text: GroupText;
  contacts: ContactText[];
}
const FIELDS: ReadonlySet<string> = new Set([...textFields, 'contacts']);

function formOf(group: GroupDetails): GroupForm {
  return {
    text: Object.fromEntries(textFields.map((f) => [f, group[f] ?? ''])) as GroupText,
    contacts: group.contacts.map((c) => ({
      name: c.name ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
      public: c.public,
    })),
  };
}

const contactOut = (c: ContactText): GroupContact => ({
  name: c.name.trim() || null,
  email: c.email.trim() || null,
  phone: c.phone.trim() || null,
  public: c.public,
});

function writeOf(before: GroupForm, after: GroupForm): GroupWrite {
  const out: Record<string, unknown> = {};
  for (const f of textFields) {
    if (before.text[f].trim() !== after.text[f].trim()) out[f] = after.text[f].trim() || null;
  }
  const contacts = after.contacts.filter((c) => c.name.trim() || c.email.trim() || c.phone.trim());
  if (
    JSON.stringify(before.contacts.map(contactOut)) !== JSON.stringify(contacts.map(contactOut))
  ) {
    out.contacts = contacts.map(contactOut);
  }
  return out;
}

const blank: GroupDetails = {
  id: 0,
  name: '',
  notes: null,
  website: null,
  email: null,
  phone: null,
  venmo: null,
  paypal: null,
  square: null,
  homegroup_online: null,
  contacts: [],
  service_body_id: null,
  meetings: [],
};

/** A group, for all its meetings: its name, notes, ways to reach it and to contribute. */
export function GroupEditorPage({ id }: { id: number }) {
  const loaded = useLoad(`group:${id}`, () => api.group(id));
  const [saved, setSaved] = useState<{ group: GroupDetails; version: number } | null>(null);
  const { bodies } = useSession();
  const group = saved?.group ?? loaded.data;
  if (!group) {
    return (
      <NotLoaded
        error={loaded.error}
        what="group"
        back={{ href: href.places, label: 'Places and groups' }}
      />
    );
  }
  const label = group.name || String(id);
  const save = async (write: GroupWrite) => {
    const g = await api.saveGroup(group.id, write);
    setSaved({ group: { ...group, ...g }, version: (saved?.version ?? 0) + 1 });
  };
  return (
    <>
      <PageHeading title={`Edit the group “${label}”`} />
      <p className="meta">
        Group number {group.id} · kept by{' '}
        {group.service_body_id === null
          ? 'the service body of its meetings'
          : bodyName(bodies, group.service_body_id)}
      </p>
      <UsedBy
        id="group-meetings"
        title={`Its meetings (${group.meetings.length})`}
        meetings={group.meetings}
      />
      <GroupFormView
        key={saved?.version ?? 0}
        group={group}
        saved={saved === null ? null : 'Saved. Every meeting of this group shows the change now.'}
        submit={{ label: 'Save the group', busy: 'Saving…' }}
        onSubmit={save}
      />
      <DeleteShared
        what="group"
        label={label}
        meetings={group.meetings.length}
        onDelete={async () => {
          await api.deleteGroup(group.id);
          navigate(href.places, { flash: `Deleted the group “${label}”.` });
        }}
      />
    </>
  );
}

/** A group no meeting belongs to yet, kept by one of the person's bodies. */
export function NewGroupPage() {
  const keeper = useBodyChoice(`${FORM}-service_body_id`);
  const create = async (write: GroupWrite) => {
    const created = await api.createGroup({ ...write, service_body_id: keeper.serviceBodyId });
    navigate(href.group(created.id), {
      flash: 'Added the group. Move meetings into it from My meetings.',
    });
  };
  return (
    <>
      <PageHeading title="Add a group" />
      <GroupFormView
        group={blank}
        saved={null}
        submit={{ label: 'Add the group', busy: 'Adding…' }}
        onSubmit={create}
        creating
        before={keeper.field}
      />
    </>
  );
}

function GroupFormView(props: EditorProps<GroupWrite> & { group: GroupDetails }) {
  const { group } = props;
  const [baseline] = useState(() => formOf(group));
  const [form, setForm] = useState(baseline);
  const problems = useProblem(FORM, FIELDS);
  const write = writeOf(baseline, form);
  const dirty = Object.keys(write).length > 0;
  useUnsavedWarning(dirty);
  const text = (field: keyof GroupText) => ({
    id: `${FORM}-${field}`,
    value: form.text[field],
    onValue: (value: string) => setForm({ ...form, text: { ...form.text, [field]: value } }),
    error: problems.errorFor(field),
  });
  const setContact = (i: number, contact: ContactText) =>
    setForm({ ...form, contacts: form.contacts.map((c, j) => (j === i ? contact : c)) });

  const { busy, submit } = useEditorSubmit({
    props,
    write,
    dirty,
    problems,
    // A new group needs a name, and a named one keeps one (a meeting's own details have none).
    check: () =>
      (props.creating || baseline.text.name.trim()) && !form.text.name.trim()
        ? { field: 'name', message: 'Give the group a name.' }
        : null,
  });

  return (
    <>
      {props.saved && !dirty ? <FocusMessage kind="done">{props.saved}</FocusMessage> : null}
      <form className="stack editor" onSubmit={submit} noValidate>
        <h2>The group</h2>
        <FormError id={FORM} message={problems.general} />
        {props.before}
        <TextField {...text('name')} label="Group name" />
        <TextArea {...text('notes')} label="Notes" rows={3} />
        <TextField {...text('website')} label="Website" type="url" inputMode="url" />
        <TextField {...text('email')} label="E-mail" type="email" />
        <TextField {...text('phone')} label="Phone" type="tel" />
        <TextField {...text('venmo')} label="Venmo" />
        <TextField {...text('paypal')} label="PayPal" />
        <TextField {...text('square')} label="Square" />
        <TextField {...text('homegroup_online')} label="Homegroup Online" />
        <h3>Contacts</h3>
        {problems.errorFor('contacts') ? (
          <p id={`${FORM}-contacts-error`} className="field-error" tabIndex={-1}>
            {problems.errorFor('contacts')}
          </p>
        ) : null}
        {form.contacts.map((c, i) => (
          <fieldset key={i} className="contact">
            <legend>Contact {i + 1}</legend>
            <TextField
              id={`${FORM}-contact-${i}-name`}
              label="Name"
              value={c.name}
              onValue={(name) => setContact(i, { ...c, name })}
            />
            <TextField
              id={`${FORM}-contact-${i}-email`}
              label="E-mail"
              type="email"
              value={c.email}
              onValue={(email) => setContact(i, { ...c, email })}
            />
            <TextField
              id={`${FORM}-contact-${i}-phone`}
              label="Phone"
              type="tel"
              value={c.phone}
              onValue={(phone) => setContact(i, { ...c, phone })}
            />
            <Checkbox
              id={`${FORM}-contact-${i}-public`}
              label="Public: shown in the directory"
              checked={c.public}
              onChecked={(on) => setContact(i, { ...c, public: on })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setForm({ ...form, contacts: form.contacts.filter((_, j) => j !== i) })
              }
            >
              Remove contact {i + 1}
            </button>
          </fieldset>
        ))}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setForm({
                ...form,
                contacts: [...form.contacts, { name: '', email: '', phone: '', public: false }],
              })
            }
          >
            Add a contact
          </button>
        </div>
        <FormActions dirty={dirty} busy={busy} submit={props.submit} />
      </form>
    </>
  );
}
