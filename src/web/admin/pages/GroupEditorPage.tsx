import { type FormEvent, useState } from 'react';
import type { GroupContact, GroupDetails, GroupWrite } from '../admin-api-types.ts';
import { api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { Checkbox, FormError, TextArea, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useUnsavedWarning } from '../meeting/use-unsaved-warning.ts';
import { problemOf, useProblem } from '../problems.ts';
import { Link } from '../router.tsx';
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

/** A group, for all its meetings: its name, notes, ways to reach it and to contribute. */
export function GroupEditorPage({ id }: { id: number }) {
  const loaded = useLoad(`group:${id}`, () => api.group(id));
  const [saved, setSaved] = useState<{ group: GroupDetails; version: number } | null>(null);
  const group = saved?.group ?? loaded.data;
  if (loaded.error) {
    return (
      <>
        <PageHeading title="Group not found" />
        <p className="message error">{problemOf(loaded.error).message}</p>
        <p>
          <Link href={href.places}>Places and groups</Link>
        </p>
      </>
    );
  }
  if (!group) {
    return (
      <>
        <PageHeading title="Edit a group" />
        <p className="status" role="status">
          Loading the group…
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Edit the group “${group.name ?? id}”`} />
      <GroupFormView
        key={saved?.version ?? 0}
        group={group}
        justSaved={saved !== null}
        onSaved={(g) => setSaved({ group: { ...group, ...g }, version: (saved?.version ?? 0) + 1 })}
      />
    </>
  );
}

function GroupFormView(props: {
  group: GroupDetails;
  justSaved: boolean;
  onSaved: (group: GroupDetails) => void;
}) {
  const { group } = props;
  const { bodies } = useSession();
  const [baseline] = useState(() => formOf(group));
  const [form, setForm] = useState(baseline);
  const [busy, setBusy] = useState(false);
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

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) {
      problems.show({ field: null, message: 'Nothing has changed yet: there is nothing to save.' });
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await api.saveGroup(group.id, write));
    } catch (error) {
      problems.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="meta">
        Group number {group.id} · kept by{' '}
        {group.service_body_id === null
          ? 'the service body of its meetings'
          : bodyName(bodies, group.service_body_id)}
      </p>
      {props.justSaved && !dirty ? (
        <FocusMessage kind="done">
          Saved. Every meeting of this group shows the change now.
        </FocusMessage>
      ) : null}
      <section aria-labelledby="group-meetings">
        <h2 id="group-meetings">Its meetings ({group.meetings.length})</h2>
        <ul className="plain-list">
          {group.meetings.map((m) => (
            <li key={m.slug}>
              <Link href={href.meeting(m.slug)}>{m.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <form className="stack editor" onSubmit={(e) => void save(e)} noValidate>
        <h2>The group</h2>
        <FormError id={FORM} message={problems.general} />
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
        <div className="form-actions">
          <span className="dirty" aria-live="polite">
            {dirty ? 'Changes not saved yet' : ''}
          </span>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the group'}
          </button>
        </div>
      </form>
    </>
  );
}
