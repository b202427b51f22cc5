import type { Locale } from '../domain/vocabulary/locales.ts';
import type { MeetingResult } from './api-types.ts';
import type { FinderParams } from './finder-params.ts';
import type { RoomText } from './room/room-text.en.ts';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** Shared by every page. */
export interface PageBase {
  readonly locale: Locale;
  /** The path and query of this page, for the language switcher. */
  readonly path: string;
  readonly demo: boolean;
}

/** Why a search could not be run, as the API says it (the page puts it in its own language). */
export interface SearchProblem {
  readonly field: string | null;
  readonly message: string;
  /** `unknown_place`: a place the gazetteer does not know (said in the page's words). */
  readonly reason?: string;
}

export interface FinderModel extends PageBase {
  readonly kind: 'finder';
  readonly params: FinderParams;
  readonly results: readonly MeetingResult[];
  readonly nextHref: string | null;
  readonly place: string | null;
  /** The instant searched ("now"), epoch ms. */
  readonly at: number;
  /** A search that could not be run: the parameter it names, and the server's words. */
  readonly error: SearchProblem | null;
  readonly options: {
    readonly fellowships: readonly Option[];
    readonly types: readonly Option[];
    readonly languages: readonly Option[];
  };
  /** Type names in the page's language, by code (the vocabulary stays on the server). */
  readonly typeNames: Readonly<Record<string, string>>;
  /** Map tiles an operator configured; null: outlines only, no request leaves the site. */
  readonly tiles: { readonly url: string; readonly attribution: string | null } | null;
}

export interface TypeExplained {
  readonly code: string;
  readonly name: string;
  readonly description: string | null;
}

export interface MeetingModel extends PageBase {
  readonly kind: 'meeting';
  readonly meeting: {
    readonly slug: string;
    readonly name: string;
    readonly fellowship: string;
    readonly attendance: MeetingResult['attendance'];
    readonly timezone: string;
    readonly nextStart: number | null;
    readonly recurrence: string;
    readonly time: string | null;
    readonly endTime: string | null;
    readonly types: readonly TypeExplained[];
    readonly notes: string | null;
    readonly location: {
      readonly name: string | null;
      readonly address: string | null;
      readonly latitude: number | null;
      readonly longitude: number | null;
      readonly approximate: boolean;
      readonly notes: string | null;
    } | null;
    readonly conference: {
      readonly url: string | null;
      readonly urlNotes: string | null;
      readonly phone: string | null;
      readonly phoneNotes: string | null;
    } | null;
    readonly group: {
      readonly name: string | null;
      readonly notes: string | null;
      readonly website: string | null;
      readonly contributions: readonly { readonly label: string; readonly href: string }[];
      readonly contacts: readonly {
        readonly name: string | null;
        readonly email: string | null;
        readonly phone: string | null;
      }[];
    } | null;
    readonly serviceBody: string | null;
    readonly updated: string | null;
  };
  readonly atSamePlace: readonly {
    readonly slug: string;
    readonly name: string;
    readonly recurrence: string;
    readonly time: string | null;
  }[];
  readonly reported: boolean;
  readonly reportError: string | null;
}

export interface GuideModel extends PageBase {
  readonly kind: 'guide';
  readonly kinds: readonly {
    readonly kind: string;
    readonly fellowships: readonly {
      readonly id: string;
      readonly name: string;
      readonly description: string;
      readonly meetings: number;
    }[];
  }[];
}

export interface NotFoundModel extends PageBase {
  readonly kind: 'not-found';
}

/** "Suggest a meeting": a form for a meeting the directory does not list. */
export interface SuggestModel extends PageBase {
  readonly kind: 'suggest';
  readonly fellowships: readonly Option[];
  /** 0 (Sunday) to 6, named in the page's language. */
  readonly days: readonly Option[];
  readonly sent: boolean;
  readonly error: string | null;
  /** What was filled in, kept when the form comes back with an error. */
  readonly values: Readonly<Record<string, string>>;
}

/** An online meeting room: the page joins it through the room protocol (WebSocket). */
export interface RoomModel extends PageBase {
  readonly kind: 'room';
  readonly roomId: string;
  readonly name: string;
  readonly passcodeRequired: boolean;
  readonly statement: string;
  /** The room's interface text in the page's language (only this page carries it). */
  readonly text: RoomText;
}

export type PageModel =
  FinderModel | MeetingModel | GuideModel | NotFoundModel | SuggestModel | RoomModel;
