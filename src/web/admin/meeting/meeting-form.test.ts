import { describe, expect, it } from 'vitest';
import {
  type MeetingForm,
  badCoordinate,
  emptyForm,
  formOf,
  isDirty,
  newMeetingWrite,
  writeOf,
} from './meeting-form.ts';

const fields = {
  name: '40 Minutes to Freedom',
  day: 1,
  time: '19:30',
  end_time: '20:10',
  types: ['O', 'D'],
  attendance_option: 'in_person',
  formatted_address: '3186 Pullman St, Costa Mesa, CA 92626, USA',
  latitude: 33.6850173,
  longitude: -117.8720761,
  contact_1_name: 'Sam',
  contact_1_email: 'sam@example.org',
  contact_1_private: true,
  weeks_of_month: [1, 3],
  region: 'COSTA MESA',
};

const edit = (form: MeetingForm, text: Partial<MeetingForm['text']>): MeetingForm => ({
  ...form,
  text: { ...form.text, ...text },
});

describe('the meeting form', () => {
  const before = formOf(fields, true);

  it('reads a meeting’s fields: days as a list, types sorted, contacts with their privacy', () => {
    expect(before.days).toEqual([1]);
    expect(before.types).toEqual(['D', 'O']);
    expect(before.text.latitude).toBe('33.6850173');
    expect(before.contacts[0]).toEqual({
      name: 'Sam',
      email: 'sam@example.org',
      phone: '',
      private: true,
    });
    expect(before.contacts[1]).toEqual({ name: '', email: '', phone: '', private: false });
  });

  it('sends only what changed, so fields it does not show are never touched', () => {
    expect(writeOf(before, before)).toEqual({});
    expect(isDirty(before, before)).toBe(false);
    expect(writeOf(before, edit(before, { name: '  Forty Minutes  ', time: '20:15' }))).toEqual({
      name: 'Forty Minutes',
      time: '20:15',
    });
    // Types in another order are the same types.
    expect(writeOf(before, { ...before, types: ['O', 'D'] })).toEqual({});
  });

  it('removes an emptied field with null, and says one day as a number, several as a list', () => {
    expect(writeOf(before, edit(before, { end_time: '' }))).toEqual({ end_time: null });
    expect(writeOf(before, { ...before, days: [1, 3] })).toEqual({ day: [1, 3] });
    expect(writeOf(before, { ...before, days: [] })).toEqual({ day: null });
    expect(writeOf(before, { ...before, types: [] })).toEqual({ types: null });
  });

  it('sends both coordinates when one moves (so the zone follows the point), as numbers', () => {
    expect(writeOf(before, edit(before, { latitude: '33,7' }))).toEqual({
      latitude: 33.7,
      longitude: -117.8720761,
    });
    expect(writeOf(before, edit(before, { latitude: '', longitude: '' }))).toEqual({
      latitude: null,
      longitude: null,
    });
    expect(badCoordinate(edit(before, { longitude: 'west' }))).toBe('longitude');
    expect(badCoordinate(before)).toBeNull();
  });

  it('says a contact’s privacy as the feed does: true, or removed', () => {
    const contacts = before.contacts.map((c, i) => (i === 0 ? { ...c, private: false } : c));
    expect(writeOf(before, { ...before, contacts })).toEqual({ contact_1_private: null });
    const second = before.contacts.map((c, i) => (i === 1 ? { ...c, phone: '555 0100' } : c));
    expect(writeOf(before, { ...before, contacts: second })).toEqual({
      contact_2_phone: '555 0100',
    });
  });

  it('sends published only when it changed', () => {
    expect(writeOf(before, { ...before, published: false })).toEqual({ published: false });
  });

  it('writes a new meeting with what was given and its body, nothing for empty fields', () => {
    const form = { ...edit(emptyForm, { name: 'Library Group', time: '18:00' }), days: [3] };
    expect(newMeetingWrite(form, 7)).toEqual({
      name: 'Library Group',
      time: '18:00',
      day: 3,
      attendance_option: 'in_person',
      published: true,
      service_body_id: 7,
    });
  });
});
