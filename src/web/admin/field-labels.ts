/**
 * Plain names for the fields volunteers see in changes, history and errors (the API speaks the
 * Meeting Guide's field names; people read these).
 */
const labels: Readonly<Record<string, string>> = {
  name: 'Name',
  slug: 'Web address',
  day: 'Day',
  time: 'Starts at',
  end_time: 'Ends at',
  weeks_of_month: 'Weeks of the month',
  timezone: 'Time zone',
  types: 'Kind of meeting',
  notes: 'Notes',
  attendance_option: 'How people attend',
  languages: 'Languages',
  fellowship: 'Fellowship',
  location: 'Place name',
  formatted_address: 'Address',
  location_notes: 'Directions at the place',
  latitude: 'Latitude',
  longitude: 'Longitude',
  approximate: 'Position is approximate',
  region: 'Region',
  regions: 'Regions',
  conference_url: 'Online meeting link',
  conference_url_notes: 'About the online link',
  conference_phone: 'Dial-in phone number',
  conference_phone_notes: 'About the dial-in',
  group: 'Group',
  group_notes: 'Group notes',
  website: 'Group website',
  email: 'Group e-mail',
  phone: 'Group phone',
  venmo: 'Venmo',
  paypal: 'PayPal',
  square: 'Square',
  homegroup_online: 'Homegroup Online',
  last_contact: 'Last contact',
  published: 'Shown in the directory',
  service_body_id: 'Service body',
  updated: 'Checked as current',
  street: 'Street',
  city: 'Town or city',
  state: 'State or county',
  postal_code: 'Postcode',
  country: 'Country',
  contacts: 'Contacts',
  kind: 'Kind',
  parent_id: 'Part of',
  service_area: 'Service area',
  message: 'Message',
  password: 'Password',
  current_password: 'Current password',
  totp: 'Code',
  code: 'Code',
  token: 'Link',
  role: 'Role',
};

/** contact_2_email → "Contact 2 e-mail". */
export function fieldLabel(field: string): string {
  const known = labels[field];
  if (known) return known;
  const contact = /^contact_(\d)_(name|email|phone|private)$/.exec(field);
  if (contact) {
    const part = { name: 'name', email: 'e-mail', phone: 'phone', private: 'is private' }[
      contact[2] as 'name' | 'email' | 'phone' | 'private'
    ];
    return `Contact ${contact[1]} ${part}`;
  }
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
