import type { ServiceBody } from '../admin-api-types.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { bodiesWhere } from '../permissions.ts';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';
import { useSession } from '../session.tsx';
import { kindLabels } from './BodyEditorPage.tsx';

/** The bodies beneath a parent (null: the top ones), by name. */
function childrenOf(bodies: readonly ServiceBody[], parent: number | null): ServiceBody[] {
  return bodies.filter((b) => b.parent_id === parent).sort((a, b) => a.name.localeCompare(b.name));
}

function Branch(props: {
  bodies: readonly ServiceBody[];
  parent: number | null;
  managed: ReadonlySet<number>;
  isAdmin: boolean;
}) {
  const children = childrenOf(props.bodies, props.parent);
  if (children.length === 0) return null;
  return (
    <ul className="body-tree">
      {children.map((b) => {
        // A body is changed from the one above it (a top body, by administrators).
        const editable = b.parent_id === null ? props.isAdmin : props.managed.has(b.parent_id);
        return (
          <li key={b.id}>
            <span className="body-name">
              {editable ? <Link href={href.body(b.id)}>{b.name}</Link> : b.name}
            </span>{' '}
            <span className="meta">
              {kindLabels[b.kind]}
              {b.fellowship ? ` · ${b.fellowship.toUpperCase()}` : ''}
            </span>
            {props.managed.has(b.id) ? (
              <>
                {' '}
                <Link href={href.newBody(b.id)} className="small-link">
                  Add beneath<span className="visually-hidden"> {b.name}</span>
                </Link>
              </>
            ) : null}
            <Branch {...props} parent={b.id} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The service structure as a tree: areas, districts, intergroups. A body administrator adds
 * bodies beneath theirs and changes those; administrators change the top ones.
 */
export function BodiesPage() {
  const { me, bodies } = useSession();
  const managed = new Set(bodiesWhere(me, 'manage_bodies', bodies).map((b) => b.id));
  return (
    <>
      <PageHeading title="Service bodies" />
      <p>
        Each meeting, place and group is kept by a service body; a volunteer’s role on a body covers
        the bodies beneath it. A body still answering for meetings, places, groups, volunteers or
        bodies beneath cannot be deleted, so nothing is left without one.
      </p>
      {me.is_admin ? (
        <p>
          <Link className="button" href={href.newBody(null)}>
            Add a top-level body
          </Link>
        </p>
      ) : null}
      {bodies.length === 0 ? (
        <p>No service bodies yet.</p>
      ) : (
        <Branch bodies={bodies} parent={null} managed={managed} isAdmin={me.is_admin} />
      )}
    </>
  );
}
