import type { GuideContent } from './guide-content.ts';

export const guideEn: GuideContent = {
  title: 'New to meetings?',
  intro: [
    'Mutual aid meetings are support groups where people with drug or alcohol problems talk about what is happening in their lives and look after each other. Listening to others who are dealing with the same things helps you see that you are not alone.',
    'They are not run by professionals and there is no lesson of the day. Volunteers who are in recovery themselves organise them. Meetings are free, and you do not need to sign up.',
  ],
  whatHappens: {
    heading: 'What happens at a meeting',
    paragraphs: [
      'People take it in turns to talk for a bit about how things are for them, while the others listen. You do not have to speak: you can say your first name and that you would rather listen, or say nothing at all.',
      'Confidentiality is one of the most basic rules: what’s said in the meeting stays in the meeting. Many people have a cup of tea or coffee afterwards.',
    ],
  },
  kindsHeading: 'Kinds of meeting',
  kindsIntro: 'Meetings run in different ways. None is the right one for everybody.',
  kinds: {
    twelve_step: {
      heading: 'Twelve-step meetings',
      text: 'Alcoholics Anonymous, Narcotics Anonymous and others follow a set format built around the Twelve Steps. Members share their experience of recovery; some meetings study a step or a book. You can follow the structure as far as you choose.',
    },
    smart: {
      heading: 'SMART Recovery',
      text: 'A trained volunteer guides a discussion of the problems the people present bring that day, using practical, science-based tools. No steps and no higher power.',
    },
    buddhist: {
      heading: 'Buddhist-inspired meetings',
      text: 'Recovery Dharma and Refuge Recovery use meditation and Buddhist teachings, with a reading and time to share. No belief is needed.',
    },
    other: {
      heading: 'Less formal groups',
      text: 'Other groups, secular or faith-based, keep a lighter structure and talk about the week just gone and the one ahead.',
    },
    family: {
      heading: 'Meetings for families and friends',
      text: 'If someone else’s drinking or drug use worries you, Al-Anon, Nar-Anon and similar groups are for you, whether or not that person gets help.',
    },
  },
  sections: [
    {
      heading: 'Open and closed meetings',
      paragraphs: [
        'Open meetings welcome anyone: people in recovery, family, friends, and anyone who is curious. Closed meetings are only for people who want to stop drinking or using, or think they may have a problem. If you are not sure, an open meeting is a good first step.',
      ],
    },
    {
      heading: 'Your first meeting',
      paragraphs: [
        'Arrive a few minutes early if you can, and tell someone it is your first time if you like; people will be glad you came. Newcomer or beginners meetings are especially welcoming. Online meetings let you join from home, with your camera off if you prefer.',
      ],
    },
    {
      heading: 'Speaking in general terms',
      paragraphs: [
        'It is best to talk about things in general terms rather than be too specific. Some very personal matters may be better discussed with your keyworker, counsellor or therapist than with your peers in a meeting.',
      ],
    },
  ],
  closing: 'Why not try a few different meetings and see which suits you best?',
};
