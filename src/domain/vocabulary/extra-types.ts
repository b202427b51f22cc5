import type { TypeCategory } from './type-vocabulary.ts';

export interface ExtraTypeDefinition {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly category: TypeCategory;
  /** Fellowships the code comes from, when it names their literature or practice. */
  readonly fellowships?: readonly string[];
}

/**
 * Codes Greendoor adds to the Meeting Guide vocabulary, for what other fellowships and online
 * meetings need. None collides with a spec code or an ISO 639 language code, as the spec asks.
 * NA's codes follow NA World Services' common format identifiers (as BMLT publishes them).
 */
export const extraTypes: readonly ExtraTypeDefinition[] = [
  // attendance markers, as the 12 Step Meeting List writes them
  {
    code: 'ONL',
    name: 'Online Meeting',
    description: 'Meets online, by video or phone. You can join from anywhere.',
    category: 'attendance',
  },
  {
    code: 'HY',
    name: 'Hybrid',
    description: 'Meets in person and online at the same time.',
    category: 'attendance',
  },
  // Narcotics Anonymous literature and formats
  {
    code: 'BT',
    name: 'Basic Text',
    description: 'Members read and discuss "Narcotics Anonymous", the NA Basic Text.',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'JFT',
    name: 'Just for Today',
    description:
      'Members discuss the day\'s reading from "Just for Today", NA\'s daily meditations.',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'IW',
    name: 'It Works: How and Why',
    description: 'Members study "It Works: How and Why", NA\'s book on the Steps and Traditions.',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'SWG',
    name: 'Step Working Guide',
    description: 'Members work through the NA Step Working Guides together.',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'LC',
    name: 'Living Clean',
    description: 'Members discuss "Living Clean: The Journey Continues".',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'GP',
    name: 'Guiding Principles',
    description: 'Members discuss "Guiding Principles: The Spirit of Our Traditions".',
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'IP',
    name: 'Informational Pamphlet',
    description: "Members read and discuss one of NA's short informational pamphlets.",
    category: 'literature',
    fellowships: ['na'],
  },
  {
    code: 'QA',
    name: 'Question and Answer',
    description: 'Members answer questions from those attending, often newcomers.',
    category: 'format',
  },
  {
    code: 'TOP',
    name: 'Topic',
    description: 'A topic is chosen at the start and members share about it.',
    category: 'format',
  },
  {
    code: 'VAR',
    name: 'Format Varies',
    description: 'The format changes from week to week.',
    category: 'format',
  },
  {
    code: 'RR',
    name: 'Round Robin',
    description: 'Members share in turn around the circle.',
    category: 'format',
  },
  {
    code: 'CPT',
    name: 'Concepts',
    description: 'Members study the Twelve Concepts, the principles of service.',
    category: 'format',
  },
  {
    code: 'NC',
    name: 'No Children',
    description: 'Please do not bring children.',
    category: 'practical',
  },
  {
    code: 'NS',
    name: 'No Smoking',
    description: 'Smoking is not allowed at the meeting place.',
    category: 'practical',
  },
  {
    code: 'CH',
    name: 'Closed Holidays',
    description: 'The building is usually shut on public holidays, so check before going then.',
    category: 'practical',
  },
  {
    code: 'IDREQ',
    name: 'ID Required',
    description: 'You may need to show identification to get into the building.',
    category: 'practical',
  },
  {
    code: 'RA',
    name: 'Restricted Attendance',
    description:
      'Only some people may attend, for example residents of a facility. Check the notes first.',
    category: 'practical',
  },
  // Al-Anon
  {
    code: 'AC',
    name: 'Adult Children',
    description:
      'For adults who grew up with a parent or family member whose drinking was a problem.',
    category: 'focus',
    fellowships: ['al-anon'],
  },
  // SMART Recovery and others
  {
    code: 'FAM',
    name: 'Family & Friends',
    description:
      'For family and friends of someone with an addiction, to support their own wellbeing.',
    category: 'focus',
  },
  {
    code: 'VET',
    name: 'Veterans',
    description: 'A meeting for military veterans.',
    category: 'community',
  },
  {
    code: 'TOOLS',
    name: 'SMART Tools',
    description:
      'Members use SMART Recovery tools, such as the cost-benefit analysis, to work on the problems they bring.',
    category: 'format',
    fellowships: ['smart'],
  },
];
