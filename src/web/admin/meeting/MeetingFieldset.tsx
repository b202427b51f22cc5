import { type ReactNode, Suspense, lazy } from 'react';
import type { MeetingType } from '../admin-api-types.ts';
import type { AdminConfig } from '../admin-config.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../components/fields.tsx';
import { weekdays } from '../format.ts';
import { pointOf } from './coordinates.ts';
import {
  CONTACTS,
  type ContactForm,
  type MeetingForm,
  type TextFieldName,
} from './meeting-form.ts';
import { TypePicker } from './TypePicker.tsx';

const PinMap = lazy(() => import('../components/PinMap.tsx'));

export const PREFIX = 'meeting';

const attendanceOptions = [
  { value: 'in_person', label: 'In person' },
  { value: 'online', label: 'Online' },
  { value: 'hybrid', label: 'In person and online (hybrid)' },
  { value: 'inactive', label: 'Not meeting at the moment' },
];

/**
 * The meeting editor's fields, in the order people think of a meeting: what and when, what
 * kind, where (with the map), online, the group and its contacts, and whether it is shown.
 * Shared by the editor and the "new meeting" form.
 */
export function MeetingFieldset(props: {
  form: MeetingForm;
  onForm: (form: MeetingForm) => void;
  types: readonly MeetingType[];
  errorFor: (field: string) => string | null;
  tiles: AdminConfig['tiles'];
  /** Where the point came from, and the time zone the server works out there. */
  place: ReactNode;
  onFindAddress: () => void;
  finding: boolean;
  /** Notes about fields this form keeps as they are (a monthly schedule, say). */
  kept?: ReactNode;
}) {
  const { form, onForm, errorFor } = props;
  const id = (field: string) => `${PREFIX}-${field}`;
  const text = (field: TextFieldName) => ({
    id: id(field),
    value: form.text[field],
    onValue: (value: string) => onForm({ ...form, text: { ...form.text, [field]: value } }),
    error: errorFor(field),
  });
  const setContact = (index: number, contact: ContactForm) =>
    onForm({ ...form, contacts: form.contacts.map((c, i) => (i === index ? contact : c)) });
  const point = pointOf(form.text.latitude, form.text.longitude);
  const dayError = errorFor('day');

  return (
    <>
      <section aria-labelledby={id('when-heading')}>
        <h2 id={id('when-heading')}>What and when</h2>
        <TextField {...text('name')} label="Meeting name" autoComplete="off" required />
        <fieldset className="days" aria-describedby={dayError ? id('day-error') : undefined}>
          <legend>Day</legend>
          {dayError ? (
            <p id={id('day-error')} className="field-error" tabIndex={-1}>
              {dayError}
            </p>
          ) : null}
          <ul className="checks row">
            {weekdays.map((name, day) => (
              <li key={name} className="check">
                <input
                  type="checkbox"
                  id={id(`day-${day}`)}
                  checked={form.days.includes(day)}
                  onChange={(e) =>
                    onForm({
                      ...form,
                      days: e.target.checked
                        ? [...form.days, day].sort((a, b) => a - b)
                        : form.days.filter((d) => d !== day),
                    })
                  }
                />
                <label htmlFor={id(`day-${day}`)}>{name}</label>
              </li>
            ))}
          </ul>
          <p className="hint">No day: by appointment.</p>
        </fieldset>
        <div className="pair">
          <TextField {...text('time')} label="Starts at" type="time" className="short" />
          <TextField {...text('end_time')} label="Ends at" type="time" className="short" />
        </div>
        <SelectField
          {...text('attendance_option')}
          label="How people attend"
          options={attendanceOptions}
        />
        {props.kept}
      </section>

      <section aria-labelledby={id('kind-heading')}>
        <h2 id={id('kind-heading')}>What kind of meeting</h2>
        <TypePicker
          idPrefix={PREFIX}
          types={props.types}
          selected={form.types}
          onChange={(types) => onForm({ ...form, types })}
          error={errorFor('types')}
        />
        <TextArea
          {...text('notes')}
          label="Notes"
          hint="What someone coming for the first time should know."
          rows={4}
        />
      </section>

      <section aria-labelledby={id('where-heading')}>
        <h2 id={id('where-heading')}>Where</h2>
        <TextField
          {...text('location')}
          label="Place name"
          hint="The building: a church, a hall, a club."
        />
        <TextField
          {...text('formatted_address')}
          label="Address"
          hint="As a letter would have it, with the postcode."
          autoComplete="off"
        />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={props.onFindAddress}
            disabled={props.finding}
          >
            {props.finding ? 'Finding…' : 'Find the address on the map'}
          </button>
        </div>
        {props.place}
        <TextArea
          {...text('location_notes')}
          label="Directions at the place"
          hint="Which door, which floor, where to park."
          rows={2}
        />
        <div className="pair">
          <TextField {...text('latitude')} label="Latitude" inputMode="decimal" className="short" />
          <TextField
            {...text('longitude')}
            label="Longitude"
            inputMode="decimal"
            className="short"
          />
        </div>
        <Suspense fallback={<p className="status">Loading the map…</p>}>
          <PinMap
            id={id('map')}
            latitude={point?.latitude ?? null}
            longitude={point?.longitude ?? null}
            tiles={props.tiles}
            onMove={(lat, lng) =>
              onForm({
                ...form,
                text: { ...form.text, latitude: String(lat), longitude: String(lng) },
              })
            }
          />
        </Suspense>
      </section>

      <section aria-labelledby={id('online-heading')}>
        <h2 id={id('online-heading')}>Online</h2>
        <TextField
          {...text('conference_url')}
          label="Online meeting link"
          hint="The Zoom, Jitsi or Meet address people join with."
          type="url"
          inputMode="url"
        />
        <TextField
          {...text('conference_url_notes')}
          label="About the link"
          hint="A meeting ID or password, if people need one."
        />
        <TextField {...text('conference_phone')} label="Dial-in phone number" type="tel" />
        <TextField {...text('conference_phone_notes')} label="About the dial-in" />
      </section>

      <section aria-labelledby={id('group-heading')}>
        <h2 id={id('group-heading')}>Group and contacts</h2>
        <TextField
          {...text('group')}
          label="Group name"
          hint="Leave empty if the meeting has no group of its own."
        />
        <TextArea {...text('group_notes')} label="Group notes" rows={2} />
        <TextField {...text('website')} label="Group website" type="url" inputMode="url" />
        <TextField {...text('email')} label="Group e-mail" type="email" />
        <TextField {...text('phone')} label="Group phone" type="tel" />
        <details className="choices">
          <summary>Contributions (Seventh Tradition)</summary>
          <TextField {...text('venmo')} label="Venmo" hint="Such as @GroupName." />
          <TextField {...text('paypal')} label="PayPal" />
          <TextField {...text('square')} label="Square" />
          <TextField {...text('homegroup_online')} label="Homegroup Online" />
        </details>
        {CONTACTS.map((n, i) => {
          const contact = form.contacts[i];
          if (!contact) return null;
          const key = (part: string) => `contact_${n}_${part}`;
          return (
            <fieldset key={n} className="contact">
              <legend>Contact {n}</legend>
              <TextField
                id={id(key('name'))}
                label="Name"
                hint="A first name is enough."
                value={contact.name}
                onValue={(name) => setContact(i, { ...contact, name })}
                error={errorFor(key('name'))}
              />
              <TextField
                id={id(key('email'))}
                label="E-mail"
                type="email"
                value={contact.email}
                onValue={(email) => setContact(i, { ...contact, email })}
                error={errorFor(key('email'))}
              />
              <TextField
                id={id(key('phone'))}
                label="Phone"
                type="tel"
                value={contact.phone}
                onValue={(phone) => setContact(i, { ...contact, phone })}
                error={errorFor(key('phone'))}
              />
              <Checkbox
                id={id(key('private'))}
                label="Private: only volunteers see it"
                checked={contact.private}
                onChecked={(on) => setContact(i, { ...contact, private: on })}
                error={errorFor(key('private'))}
              />
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby={id('directory-heading')}>
        <h2 id={id('directory-heading')}>In the directory</h2>
        <Checkbox
          id={id('published')}
          label="Show this meeting in the directory"
          hint="Untick to hide it from the public while you check it."
          checked={form.published}
          onChecked={(published) => onForm({ ...form, published })}
          error={errorFor('published')}
        />
      </section>
    </>
  );
}
