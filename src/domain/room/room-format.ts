/**
 * How a group's meeting runs, as steps the chair moves through; each step's words appear for
 * everyone. The templates are written here in our own words: a group puts its own readings
 * (its preamble, its literature) into the steps' text.
 */

export const roomFormats = ['twelve-step', 'smart', 'open'] as const;
export type RoomFormat = (typeof roomFormats)[number];

export interface RoomStep {
  readonly title: string;
  /** What everyone sees during the step: the chair's reading, or a note on what happens. */
  readonly text: string;
  /** The step in which members take turns to share (the queue is open then). */
  readonly shares?: boolean;
}

export const defaultStatement =
  'This is a confidential meeting. Who you see here, and what is said here, stays here. Use a first name or a nickname, speak in general terms about others, and please do not record or share this meeting.';

export const formatSteps: Readonly<Record<RoomFormat, readonly RoomStep[]>> = {
  'twelve-step': [
    {
      title: 'Opening',
      text: 'The chair welcomes everyone and opens the meeting, usually with a moment of silence.',
    },
    {
      title: 'Readings',
      text: 'The chair or a volunteer reads the group’s preamble and readings.',
    },
    {
      title: 'Introductions',
      text: 'Anyone who wants to may say their first name. Newcomers are especially welcome.',
    },
    {
      title: 'Shares',
      text: 'Raise your hand to share. Each share has a time limit; the chair calls each person in turn.',
      shares: true,
    },
    {
      title: '7th Tradition',
      text: 'Groups are self-supporting through their own contributions. Giving is voluntary; newcomers are never expected to give.',
    },
    { title: 'Announcements', text: 'Group business and service announcements.' },
    { title: 'Closing', text: 'The chair closes the meeting. Thank you for being here.' },
  ],
  smart: [
    {
      title: 'Welcome',
      text: 'The facilitator welcomes everyone and describes how the meeting works.',
    },
    {
      title: 'Check-in',
      text: 'Each person may say briefly how their week has been.',
      shares: true,
    },
    { title: 'Agenda setting', text: 'Who would like time today to work on something?' },
    {
      title: 'Working time',
      text: 'The group works on the problems those present brought, with SMART tools.',
      shares: true,
    },
    { title: 'Pass the hat', text: 'Contributions are voluntary and help keep meetings going.' },
    {
      title: 'Check-out',
      text: 'Each person may say what they take away from today.',
      shares: true,
    },
  ],
  open: [
    { title: 'Welcome', text: 'The chair welcomes everyone.' },
    {
      title: 'Sharing',
      text: 'Raise your hand to share; the chair calls each person in turn.',
      shares: true,
    },
    { title: 'Closing', text: 'The chair closes the meeting.' },
  ],
};
