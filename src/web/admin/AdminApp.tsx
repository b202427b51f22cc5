import { useEffect, useState } from 'react';
import type { AdminConfig } from './admin-config.ts';
import type { Me, ServiceBody } from './admin-api-types.ts';
import { ApiError, api, whenSignedOut } from './api-client.ts';
import { Layout, type Section } from './components/Layout.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { BodiesPage } from './pages/BodiesPage.tsx';
import { BodyEditorPage, NewBodyPage } from './pages/BodyEditorPage.tsx';
import { GroupEditorPage, NewGroupPage } from './pages/GroupEditorPage.tsx';
import { HistoryPage } from './pages/HistoryPage.tsx';
import { MeetingEditorPage } from './pages/MeetingEditorPage.tsx';
import { MeetingHistoryPage } from './pages/MeetingHistoryPage.tsx';
import { MeetingsPage } from './pages/MeetingsPage.tsx';
import { NewMeetingPage } from './pages/NewMeetingPage.tsx';
import { NewRoomPage } from './pages/NewRoomPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NewPlacePage, PlaceEditorPage } from './pages/PlaceEditorPage.tsx';
import { PlacesPage } from './pages/PlacesPage.tsx';
import { QualityPage } from './pages/QualityPage.tsx';
import { RequestsPage } from './pages/RequestsPage.tsx';
import { SetPasswordPage } from './pages/SetPasswordPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { VolunteersPage } from './pages/VolunteersPage.tsx';
import { problemOf } from './problems.ts';
import { navigate, requestFocus, useLocation } from './router.tsx';
import { type Route, href, routeOf } from './routes.ts';
import { type Session, SessionContext } from './session.tsx';

type Auth =
  | { readonly state: 'checking' }
  | { readonly state: 'signed-out'; readonly message: string | null }
  | { readonly state: 'signed-in'; readonly me: Me; readonly bodies: readonly ServiceBody[] };

const sectionOf: { [K in Route['page']]: Section } = {
  meetings: 'meetings',
  'new-meeting': 'meetings',
  'new-room': 'meetings',
  meeting: 'meetings',
  'meeting-history': 'meetings',
  requests: 'requests',
  history: 'history',
  quality: 'quality',
  places: 'places',
  place: 'places',
  'new-place': 'places',
  group: 'places',
  'new-group': 'places',
  volunteers: 'volunteers',
  bodies: 'bodies',
  body: 'bodies',
  'new-body': 'bodies',
  account: 'account',
  password: null,
  'not-found': null,
};

function PageFor({ route }: { route: Route }) {
  const { search } = useLocation();
  switch (route.page) {
    case 'meetings':
      return <MeetingsPage />;
    case 'new-meeting':
      return <NewMeetingPage />;
    case 'new-room':
      return <NewRoomPage />;
    case 'meeting':
      return <MeetingEditorPage key={route.slug} slug={route.slug} />;
    case 'meeting-history':
      return <MeetingHistoryPage key={route.slug} slug={route.slug} />;
    case 'requests':
      return <RequestsPage />;
    case 'history':
      return <HistoryPage />;
    case 'quality':
      return <QualityPage key={route.bodyId ?? 0} bodyId={route.bodyId} />;
    case 'places':
      return <PlacesPage />;
    case 'place':
      return <PlaceEditorPage key={route.id} id={route.id} />;
    case 'new-place':
      return <NewPlacePage />;
    case 'group':
      return <GroupEditorPage key={route.id} id={route.id} />;
    case 'new-group':
      return <NewGroupPage />;
    case 'volunteers':
      return <VolunteersPage />;
    case 'bodies':
      return <BodiesPage />;
    case 'body':
      return <BodyEditorPage key={route.id} id={route.id} />;
    case 'new-body':
      // A new form for each body it goes beneath (?parent=).
      return <NewBodyPage key={search} />;
    case 'account':
      return <AccountPage />;
    case 'password':
    case 'not-found':
      return <NotFoundPage />;
  }
}

async function loadBodies(): Promise<readonly ServiceBody[]> {
  return (await api.serviceBodies()).service_bodies;
}

/**
 * The volunteer area: who is signed in decides what is shown. Every page is drawn from the API
 * (docs/volunteer-api.md); a session that ends while working brings back the sign-in form.
 */
export function AdminApp({ config }: { config: AdminConfig }) {
  const location = useLocation();
  const route = routeOf(location.path);
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  useEffect(() => {
    let live = true;
    whenSignedOut(() =>
      setAuth({ state: 'signed-out', message: 'Your session has ended: sign in again to go on.' }),
    );
    // One after the other: signed out, the first answer says so and the second is not asked.
    api
      .me()
      .then(async (me) => ({ me, bodies: await loadBodies() }))
      .then(
        ({ me, bodies }) => {
          if (live) setAuth({ state: 'signed-in', me, bodies });
        },
        (error: unknown) => {
          if (!live) return;
          const signedOut = error instanceof ApiError && error.status === 401;
          setAuth({ state: 'signed-out', message: signedOut ? null : problemOf(error).message });
        },
      );
    return () => {
      live = false;
      whenSignedOut(null);
    };
  }, []);

  const signedIn = async (me: Me) => {
    const bodies = await loadBodies().catch(() => []);
    requestFocus();
    setAuth({ state: 'signed-in', me, bodies });
  };

  const signOut = async () => {
    await api.logout().catch(() => undefined);
    requestFocus();
    setAuth({ state: 'signed-out', message: 'You are signed out.' });
    if (route.page !== 'meetings') navigate(href.meetings, { replace: true });
  };

  if (route.page === 'password') {
    return (
      <Layout me={null} section={null}>
        <SetPasswordPage
          onDone={(message) => {
            // Setting a password ends every session of that person, this browser's too.
            setAuth({ state: 'signed-out', message });
            navigate(href.meetings, { replace: true });
          }}
        />
      </Layout>
    );
  }
  if (auth.state === 'checking') {
    return (
      <Layout me={null} section={null}>
        <p className="status" role="status">
          Loading…
        </p>
      </Layout>
    );
  }
  if (auth.state === 'signed-out') {
    return (
      <Layout me={null} section={null}>
        <SignInPage message={auth.message} onSignedIn={(me) => void signedIn(me)} />
      </Layout>
    );
  }
  const session: Session = {
    me: auth.me,
    bodies: auth.bodies,
    config,
    refresh: async () => {
      const [me, bodies] = await Promise.all([api.me(), loadBodies()]);
      setAuth({ state: 'signed-in', me, bodies });
    },
    signedOut: (message) => {
      requestFocus();
      setAuth({ state: 'signed-out', message });
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <Layout me={auth.me} section={sectionOf[route.page]} onSignOut={() => void signOut()}>
        <PageFor route={route} />
      </Layout>
    </SessionContext.Provider>
  );
}
