import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type BodyParents,
  ancestorsOf,
  may,
  mayAnywhere,
  memberRoles,
  permissions,
  roleGrants,
  scopeOf,
} from './permissions.ts';

// Region 1 > area 2 > districts 3 and 4; another region 5 > area 6.
const tree: BodyParents = new Map([
  [1, null],
  [2, 1],
  [3, 2],
  [4, 2],
  [5, null],
  [6, 5],
]);
const person = (memberships: Actor['memberships'], isAdmin = false): Actor => ({
  userId: 1,
  email: 'v@example.org',
  isAdmin,
  memberships,
});

describe('permissions', () => {
  it('gives a role on a body the bodies beneath it, and nothing beside or above it', () => {
    const editor = person([{ serviceBodyId: 2, role: 'editor' }]);
    expect([1, 2, 3, 4, 5, 6].filter((b) => may(editor, 'edit_listings', b, tree))).toEqual([
      2, 3, 4,
    ]);
    expect(scopeOf(editor, 'edit_listings', tree)).toEqual(new Set([2, 3, 4]));
    expect(may(editor, 'edit_listings', null, tree)).toBe(false);
  });

  it('lets each role do what its grants say, and an administrator everything', () => {
    for (const role of memberRoles) {
      const member = person([{ serviceBodyId: 3, role }]);
      for (const permission of permissions) {
        expect(may(member, permission, 3, tree), `${role} ${permission}`).toBe(
          roleGrants[role].includes(permission),
        );
        expect(mayAnywhere(member, permission)).toBe(roleGrants[role].includes(permission));
      }
    }
    const admin = person([], true);
    for (const permission of permissions) {
      expect(may(admin, permission, null, tree)).toBe(true);
      expect(scopeOf(admin, permission, tree)).toBe('all');
    }
  });

  it('agrees with the ancestors of a body, for any tree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (parentsOf, member, target) => {
          // Body i (from 1) has parent parentsOf[i - 1] when that is a smaller id (no cycles).
          const parents: BodyParents = new Map(
            parentsOf.map((p, i) => [i + 1, p > 0 && p < i + 1 ? p : null]),
          );
          const editor = person([{ serviceBodyId: member, role: 'editor' }]);
          // Plainly: walk up from the target.
          let inside = false;
          for (let b: number | null | undefined = target; b != null; b = parents.get(b)) {
            if (b === member) inside = true;
          }
          expect(may(editor, 'edit_listings', target, parents)).toBe(inside);
          const scope = scopeOf(editor, 'edit_listings', parents);
          expect(scope !== 'all' && scope.has(target)).toBe(inside);
        },
      ),
    );
  });

  it('survives a tree with a cycle in it', () => {
    const loop: BodyParents = new Map([
      [1, 2],
      [2, 1],
    ]);
    expect(ancestorsOf(1, loop)).toEqual([1, 2]);
    expect(may(person([{ serviceBodyId: 2, role: 'editor' }]), 'edit_listings', 1, loop)).toBe(
      true,
    );
  });
});
