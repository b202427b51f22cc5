import type { EditedMeeting, MeetingType } from '../admin-api-types.ts';
import { fieldLabel } from '../field-labels.ts';
import { dayNames, sentence } from '../format.ts';
import { CONTACTS } from './meeting-form.ts';

const attendanceWords: Readonly<Record<string, string>> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
  inactive: 'Not meeting at the moment',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/**
 * A meeting as the public listing would show it, from what the server answered for a preview:
 * the same fields, after the same validation and normalisation as a save.
 */
export function ListingPreview({
  meeting,
  types,
}: {
  meeting: EditedMeeting;
  types: readonly MeetingType[];
}) {
  const f = meeting.fields;
  const names = new Map(types.map((t) => [t.code, t.name]));
  const days = dayNames(f.day);
  const time = text(f.time);
  const end = text(f.end_time);
  const typeCodes = Array.isArray(f.types) ? f.types.map(String) : [];
  const contacts = CONTACTS.map((n) => ({
    name: text(f[`contact_${n}_name`]),
    email: text(f[`contact_${n}_email`]),
    phone: text(f[`contact_${n}_phone`]),
    private: f[`contact_${n}_private`] === true,
  })).filter((c) => (c.name || c.email || c.phone) && !c.private);
  return (
    <article className="preview" aria-labelledby="preview-name">
      <h3 id="preview-name">{text(f.name) ?? '(no name)'}</h3>
      {meeting.published ? null : (
        <p className="message info">Not shown in the directory: it is unpublished.</p>
      )}
      <p className="time">
        {days ? `${days}` : 'By appointment'}
        {time ? `, ${time}${end ? `–${end}` : ''}` : ''}
        {text(f.timezone) ? <span className="their-time"> ({String(f.timezone)})</span> : null}
      </p>
      <p>{attendanceWords[String(f.attendance_option)] ?? 'In person'}</p>
      {text(f.location) || text(f.formatted_address) ? (
        <address>
          {text(f.location) ? (
            <>
              <strong>{String(f.location)}</strong>
              <br />
            </>
          ) : null}
          {text(f.formatted_address)}
          {text(f.location_notes) ? (
            <span className="notes pre">{`\n${String(f.location_notes)}`}</span>
          ) : null}
        </address>
      ) : null}
      {text(f.conference_url) ? (
        <p>
          Online: <span className="url">{String(f.conference_url)}</span>
          {text(f.conference_url_notes) ? ` (${String(f.conference_url_notes)})` : ''}
        </p>
      ) : null}
      {text(f.conference_phone) ? (
        <p>
          By phone: {String(f.conference_phone)}
          {text(f.conference_phone_notes) ? ` (${String(f.conference_phone_notes)})` : ''}
        </p>
      ) : null}
      {typeCodes.length > 0 ? (
        <ul className="types">
          {typeCodes.map((code) => (
            <li key={code}>{names.get(code) ?? code}</li>
          ))}
        </ul>
      ) : null}
      {text(f.notes) ? <p className="notes pre">{String(f.notes)}</p> : null}
      {text(f.group) ? <p>Group: {String(f.group)}</p> : null}
      {text(f.website) ? <p>Website: {String(f.website)}</p> : null}
      {contacts.length > 0 ? (
        <ul className="plain">
          {contacts.map((c, i) => (
            <li key={i}>{[c.name, c.email, c.phone].filter(Boolean).join(', ')}</li>
          ))}
        </ul>
      ) : null}
      {meeting.warnings.length > 0 ? (
        <div className="message info">
          <p>Saved as it is, but worth a look:</p>
          <ul>
            {meeting.warnings.map((w, i) => (
              <li key={i}>
                {fieldLabel(w.field)}: {sentence(w.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
