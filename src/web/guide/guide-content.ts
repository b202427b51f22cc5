/** The guide's text in one language. Kinds follow the fellowship kinds, plus meetings for families. */
export interface GuideContent {
  readonly title: string;
  readonly intro: readonly string[];
  readonly whatHappens: { readonly heading: string; readonly paragraphs: readonly string[] };
  readonly kindsHeading: string;
  readonly kindsIntro: string;
  readonly kinds: Readonly<Record<GuideKind, { readonly heading: string; readonly text: string }>>;
  readonly sections: readonly {
    readonly heading: string;
    readonly paragraphs: readonly string[];
  }[];
  readonly closing: string;
}

export const guideKinds = ['twelve_step', 'smart', 'buddhist', 'other', 'family'] as const;
export type GuideKind = (typeof guideKinds)[number];

/** Fellowships for families and friends, shown as their own kind. */
export const familyFellowships: readonly string[] = ['al-anon', 'nar-anon'];
