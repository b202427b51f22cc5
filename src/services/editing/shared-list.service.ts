import type { SharedSummaryFilter } from '../../adapters/db/repositories/shared-summary.repository.ts';
import { scopeOf } from '../../domain/account/permissions.ts';
import { type EditingContext, bodyParents } from './editing-context.ts';

/**
 * The places and groups a volunteer keeps (those whose body, or whose meetings' one body, is in
 * their reach), matching text in the name or a place's address, a page at a time.
 */

interface ListFilter {
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
}

async function queryOf(ctx: EditingContext, filter: ListFilter): Promise<SharedSummaryFilter> {
  const scope = scopeOf(ctx.actor, 'read_private', await bodyParents(ctx.store));
  return {
    bodyIds: scope === 'all' ? 'all' : [...scope],
    ...(filter.text ? { text: filter.text } : {}),
    limit: Math.min(filter.limit ?? 100, 500),
    offset: filter.offset ?? 0,
  };
}

/** GET /api/v1/groups: the named groups in reach, by name. */
export async function editableGroups(ctx: EditingContext, filter: ListFilter = {}) {
  const page = await ctx.store.sharedSummaries.groups(await queryOf(ctx, filter));
  return {
    total: page.total,
    groups: page.items.map((s) => ({
      id: s.id,
      name: s.name ?? '',
      service_body_id: s.serviceBodyId,
      meetings: s.meetings,
    })),
  };
}

/** GET /api/v1/locations: the places in reach, by name, else address. */
export async function editablePlaces(ctx: EditingContext, filter: ListFilter = {}) {
  const page = await ctx.store.sharedSummaries.locations(await queryOf(ctx, filter));
  return {
    total: page.total,
    locations: page.items.map((s) => ({
      id: s.id,
      name: s.name,
      formatted_address: s.address,
      service_body_id: s.serviceBodyId,
      meetings: s.meetings,
    })),
  };
}
