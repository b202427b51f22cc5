import type { Fellowship } from './fellowship.ts';

/**
 * Fellowships every Greendoor directory knows. Descriptions are for someone deciding which
 * meeting to try first; they say who a fellowship is for and how its meetings tend to run.
 * Operators add others with `greendoor fellowships add`.
 */
export const builtinFellowships: readonly Fellowship[] = [
  {
    id: 'aa',
    name: 'Alcoholics Anonymous',
    kind: 'twelve_step',
    description:
      'For anyone who wants to stop drinking. Most meetings follow a structure built around the Twelve Steps, and members share their experience of recovery. The only requirement for membership is a desire to stop drinking.',
    website: 'https://www.aa.org',
  },
  {
    id: 'na',
    name: 'Narcotics Anonymous',
    kind: 'twelve_step',
    description:
      'For anyone who wants to stop using drugs, whatever the drug (alcohol included). Twelve-step meetings where members share their experience of recovery.',
    website: 'https://na.org',
  },
  {
    id: 'ca',
    name: 'Cocaine Anonymous',
    kind: 'twelve_step',
    description:
      'For people who want to stop using cocaine and all other mind-altering substances. Twelve-step meetings.',
    website: 'https://ca.org',
  },
  {
    id: 'cma',
    name: 'Crystal Meth Anonymous',
    kind: 'twelve_step',
    description: 'For people who want to stop using crystal meth. Twelve-step meetings.',
    website: 'https://www.crystalmeth.org',
  },
  {
    id: 'ma',
    name: 'Marijuana Anonymous',
    kind: 'twelve_step',
    description: 'For people who want to stop using marijuana. Twelve-step meetings.',
    website: 'https://ma-online.org',
  },
  {
    id: 'al-anon',
    name: 'Al-Anon Family Groups',
    kind: 'twelve_step',
    description:
      "For family and friends of someone whose drinking worries them, whether or not that person seeks help. Alateen meetings are for young people. Twelve-step meetings about one's own wellbeing.",
    website: 'https://al-anon.org',
  },
  {
    id: 'nar-anon',
    name: 'Nar-Anon Family Groups',
    kind: 'twelve_step',
    description:
      "For family and friends of someone who uses drugs. Twelve-step meetings about one's own wellbeing.",
    website: 'https://www.nar-anon.org',
  },
  {
    id: 'smart',
    name: 'SMART Recovery',
    kind: 'smart',
    description:
      'Science-based, secular mutual support for any addictive behaviour. A trained volunteer facilitator guides a discussion of the problems people bring, using practical tools such as the cost-benefit analysis. No steps, no higher power.',
    website: 'https://smartrecovery.org',
  },
  {
    id: 'recovery-dharma',
    name: 'Recovery Dharma',
    kind: 'buddhist',
    description:
      'Peer-led meetings that use Buddhist practice (meditation, the Four Noble Truths and the Eightfold Path) to recover from any addiction. No belief required.',
    website: 'https://recoverydharma.org',
  },
  {
    id: 'refuge-recovery',
    name: 'Refuge Recovery',
    kind: 'buddhist',
    description:
      'A Buddhist-inspired path of recovery from addiction: meetings include meditation, a reading and sharing.',
    website: 'https://refugerecovery.org',
  },
  {
    id: 'celebrate-recovery',
    name: 'Celebrate Recovery',
    kind: 'twelve_step',
    description:
      'A Christian recovery programme based on the Twelve Steps and eight principles, for any "hurt, habit or hang-up". Meetings usually take place in churches and include worship.',
    website: 'https://www.celebraterecovery.com',
  },
  {
    id: 'lifering',
    name: 'LifeRing Secular Recovery',
    kind: 'other',
    description:
      'Secular, abstinence-based peer support. Meetings focus on the week just gone and the week ahead; no steps or higher power.',
    website: 'https://lifering.org',
  },
  {
    id: 'women-for-sobriety',
    name: 'Women for Sobriety',
    kind: 'other',
    description:
      'Peer support for women recovering from alcohol and other substances, built on positive self-image and thirteen acceptance statements.',
    website: 'https://womenforsobriety.org',
  },
];

export const DEFAULT_FELLOWSHIP_ID = 'aa';
