/** Levels of service structure; a tree may use any of them in any depth. */
export const serviceBodyKinds = [
  'zone',
  'national',
  'region',
  'area',
  'district',
  'intergroup',
  'other',
] as const;
export type ServiceBodyKind = (typeof serviceBodyKinds)[number];

/**
 * The service entity responsible for a listing, as a feed describes it (`entity_*` fields).
 */
export interface EntityDetails {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly website: string | null;
  readonly logo: string | null;
  /** "Whatcom County, Washington": the area the body serves, in words. */
  readonly serviceArea: string | null;
}
