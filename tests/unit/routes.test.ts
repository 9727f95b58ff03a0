import { describe, expect, it } from 'vitest';
import { HOME_PATH, parseRoute, projectorHref, roomHref, sessionHref, sessionPath } from '../../src/state/routes';

const IDS = [
  'dui-groupement',
  'K3x_9-a',
  'atelier du 12 mars',
  'équipe été à Noël',
  'a/b/c',
  '/',
  '50%',
  '%41',
  '%25',
  '100 % fait',
  'a?b#c&d=e',
  "l'atelier « DPI »",
  '日本語',
  '🙂',
  '+;:@$,',
];

/** The address as the browser keeps it once a link with this href is followed. */
const followed = (href: string) => new URL(href, 'http://localhost:4183/').hash;
/** The path wouter's hash location gives for that address (`"/" + hash`, not decoded). */
const hashLocation = (hash: string) => `/${hash.replace(/^#?\/?/, '')}`;

describe('the session address', () => {
  it.each(IDS)('round-trips the id %j through the path, the link and the address bar', (id) => {
    expect(parseRoute(sessionPath(id))).toEqual({ page: 'session', id });
    expect(parseRoute(sessionHref(id))).toEqual({ page: 'session', id });
    expect(parseRoute(followed(sessionHref(id)))).toEqual({ page: 'session', id });
    expect(parseRoute(hashLocation(followed(sessionHref(id))))).toEqual({ page: 'session', id });
  });

  it('is one path segment under /atelier/, and the link is that path after #', () => {
    expect(sessionPath('a b/c')).toBe('/atelier/a%20b%2Fc');
    expect(sessionHref('a b/c')).toBe('#/atelier/a%20b%2Fc');
    for (const id of IDS) expect(sessionPath(id).split('/')).toHaveLength(3);
  });

  it('gives different addresses to different ids', () => {
    expect(new Set(IDS.map(sessionPath)).size).toBe(IDS.length);
  });
});

describe('reading an address', () => {
  it.each([
    ['', { page: 'home' }],
    ['#', { page: 'home' }],
    ['#/', { page: 'home' }],
    [HOME_PATH, { page: 'home' }],
    ['#/atelier', { page: 'home' }],
    ['#/atelier/', { page: 'home' }],
    ['#/atelier/a/b', { page: 'home' }],
    ['#/ailleurs/a', { page: 'home' }],
    ['#/atelier/a/', { page: 'session', id: 'a' }],
    ['#/ATELIER/a', { page: 'session', id: 'a' }],
    ['#atelier/a', { page: 'session', id: 'a' }],
    ['atelier/a', { page: 'session', id: 'a' }],
    ['#/atelier/a?onglet=acteurs', { page: 'session', id: 'a' }],
  ] as const)('%j is %j', (address, route) => {
    expect(parseRoute(address)).toEqual(route);
  });

  it('keeps an id that cannot be decoded as it is, instead of failing (its page says it is not found)', () => {
    expect(parseRoute('#/atelier/50%')).toEqual({ page: 'session', id: '50%' });
    expect(parseRoute('#/atelier/%E9t%E9')).toEqual({ page: 'session', id: '%E9t%E9' });
  });
});

describe('the room addresses', () => {
  it('reads the join address and its token, from the hash or the router path', () => {
    expect(parseRoute('#/salle?jeton=AbC-_9')).toEqual({ page: 'room', token: 'AbC-_9' });
    expect(parseRoute('/salle?jeton=AbC-_9')).toEqual({ page: 'room', token: 'AbC-_9' });
    expect(parseRoute('/salle')).toEqual({ page: 'room', token: null });
    expect(parseRoute('/salle/?jeton=')).toEqual({ page: 'room', token: null });
  });
  it('reads the projector address, a page of its own', () => {
    expect(parseRoute('#/salle/projecteur?jeton=P1')).toEqual({ page: 'projector', token: 'P1' });
    expect(parseRoute('/salle/projecteur')).toEqual({ page: 'projector', token: null });
  });
  it('round-trips any token through the links it makes', () => {
    for (const token of ['abc', 'a+b/c=', 'é&x=1#y']) {
      expect(parseRoute(followed(roomHref(token)))).toEqual({ page: 'room', token });
      expect(parseRoute(followed(projectorHref(token)))).toEqual({ page: 'projector', token });
    }
  });
  it('does not take a session called salle, nor other pages, for the room', () => {
    expect(parseRoute('/atelier/salle')).toEqual({ page: 'session', id: 'salle' });
    expect(parseRoute('/salles')).toEqual({ page: 'home' });
    expect(parseRoute('/salle/autre')).toEqual({ page: 'home' });
  });
});
