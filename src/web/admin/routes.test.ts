import { describe, expect, it } from 'vitest';
import { href, routeOf } from './routes.ts';

describe('the volunteer area’s addresses', () => {
  it.each([
    ['/admin', { page: 'meetings' }],
    ['/admin/', { page: 'meetings' }],
    ['/admin/meetings', { page: 'meetings' }],
    ['/admin/meetings/new', { page: 'new-meeting' }],
    ['/admin/meetings/caf%C3%A9-serenidad', { page: 'meeting', slug: 'café-serenidad' }],
    ['/admin/meetings/happy-hour/history', { page: 'meeting-history', slug: 'happy-hour' }],
    ['/admin/requests', { page: 'requests' }],
    ['/admin/history', { page: 'history' }],
    ['/admin/quality', { page: 'quality', bodyId: null }],
    ['/admin/quality/12', { page: 'quality', bodyId: 12 }],
    ['/admin/places', { page: 'places' }],
    ['/admin/places/3', { page: 'place', id: 3 }],
    ['/admin/groups/4', { page: 'group', id: 4 }],
    ['/admin/groups', { page: 'places' }],
    ['/admin/places/new', { page: 'new-place' }],
    ['/admin/groups/new', { page: 'new-group' }],
    ['/admin/quality/new', { page: 'not-found' }],
    ['/admin/bodies', { page: 'bodies' }],
    ['/admin/bodies/7', { page: 'body', id: 7 }],
    ['/admin/bodies/new', { page: 'new-body' }],
    ['/admin/rooms/new', { page: 'new-room' }],
    ['/admin/rooms', { page: 'not-found' }],
    ['/admin/volunteers', { page: 'volunteers' }],
    ['/admin/account', { page: 'account' }],
    ['/admin/password', { page: 'password' }],
    ['/admin/quality/x', { page: 'not-found' }],
    ['/admin/places/0', { page: 'not-found' }],
    ['/admin/meetings/%E0%A4%A', { page: 'not-found' }],
    ['/admin/meetings/a/b/c', { page: 'not-found' }],
    ['/admin/elsewhere', { page: 'not-found' }],
  ])('%s', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('makes the addresses it reads', () => {
    expect(routeOf(href.meeting('café/1'))).toEqual({ page: 'meeting', slug: 'café/1' });
    expect(routeOf(href.meetingHistory('a b'))).toEqual({ page: 'meeting-history', slug: 'a b' });
    expect(routeOf(href.quality(5))).toEqual({ page: 'quality', bodyId: 5 });
    expect(routeOf(href.newBody(3).split('?')[0] ?? '')).toEqual({ page: 'new-body' });
  });
});
