import type { PageComponents } from '../App.tsx';
import { FinderPage } from './FinderPage.tsx';
import { GuidePage } from './GuidePage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RoomPage } from './RoomPage.tsx';
import { SuggestPage } from './SuggestPage.tsx';

/** Every page component, for the server. */
export const allPages: PageComponents = {
  finder: FinderPage,
  meeting: MeetingPage,
  guide: GuidePage,
  'not-found': NotFoundPage,
  suggest: SuggestPage,
  room: RoomPage,
};
