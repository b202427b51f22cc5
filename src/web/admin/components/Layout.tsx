import type { ReactNode } from 'react';
import type { Me } from '../admin-api-types.ts';
import { may } from '../permissions.ts';
import { Link, useLocation } from '../router.tsx';
import { href } from '../routes.ts';

export type Section =
  | 'meetings'
  | 'requests'
  | 'history'
  | 'quality'
  | 'places'
  | 'volunteers'
  | 'bodies'
  | 'account'
  | null;

function NavLink(props: { to: string; current: boolean; children: ReactNode }) {
  return (
    <li>
      <Link href={props.to} aria-current={props.current ? 'page' : undefined}>
        {props.children}
      </Link>
    </li>
  );
}

/**
 * Every page of the volunteer area: a skip link, the header with the area's sections (those the
 * person's roles allow) and sign-out, the page, and a way back to the public directory.
 */
export function Layout(props: {
  me: Me | null;
  section: Section;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const { me, section } = props;
  const { flash } = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <div className="site-header admin-header">
          <Link className="brand" href={href.meetings}>
            Greendoor volunteers
          </Link>
          {me ? (
            <nav aria-label="Volunteer area">
              <ul>
                <NavLink to={href.meetings} current={section === 'meetings'}>
                  My meetings
                </NavLink>
                {may(me, 'review_requests') ? (
                  <NavLink to={href.requests} current={section === 'requests'}>
                    Requests
                  </NavLink>
                ) : null}
                <NavLink to={href.history} current={section === 'history'}>
                  History
                </NavLink>
                <NavLink to={href.quality()} current={section === 'quality'}>
                  Data quality
                </NavLink>
                <NavLink to={href.places} current={section === 'places'}>
                  Places and groups
                </NavLink>
                {may(me, 'manage_volunteers') ? (
                  <NavLink to={href.volunteers} current={section === 'volunteers'}>
                    Volunteers
                  </NavLink>
                ) : null}
                {may(me, 'manage_bodies') ? (
                  <NavLink to={href.bodies} current={section === 'bodies'}>
                    Service bodies
                  </NavLink>
                ) : null}
                <NavLink to={href.account} current={section === 'account'}>
                  My account
                </NavLink>
              </ul>
            </nav>
          ) : null}
          {me ? (
            <div className="who">
              <span>{me.email}</span>
              <button type="button" className="header-button" onClick={props.onSignOut}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {/* Always there, so what a move brings ("Deleted ...") is announced as it appears. */}
        <div role="status" className="flash">
          {flash ? <p className="message done">{flash}</p> : null}
        </div>
        {props.children}
      </main>
      <footer className="site-footer">
        <p>
          <a href="/">The public directory</a> · what you change here shows there at once.
        </p>
      </footer>
    </>
  );
}
