/** A person a newcomer can contact. Private unless marked public: never shown to the public. */
export interface Contact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly public: boolean;
}

/** Where 7th Tradition contributions go. */
export interface ContributionLinks {
  readonly venmo: string | null;
  readonly paypal: string | null;
  readonly square: string | null;
  /** Homegroup Online group code: the "digital basket". */
  readonly homegroupOnline: string | null;
}

/**
 * The group that holds a meeting. A feed may give a meeting its own website or contacts without
 * naming a group; those details then live on an implicit group of that one meeting, which is
 * never published as a group.
 */
export interface GroupDetails extends ContributionLinks {
  readonly name: string;
  readonly implicit: boolean;
  readonly notes: string | null;
  readonly website: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contacts: readonly Contact[];
  /** The service district the group belongs to, by name, as feeds give it. */
  readonly district: string | null;
  /** When the group last confirmed its listing (ISO date). */
  readonly lastContact: string | null;
}

export function publicContacts(group: Pick<GroupDetails, 'contacts'>): Contact[] {
  return group.contacts.filter((c) => c.public);
}
