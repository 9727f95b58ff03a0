/**
 * The app's addresses, built and read here only. The app routes on the part after `#`:
 * `#/` is the home page, `#/atelier/<id>` a session (its id percent-encoded, so that any id
 * round-trips, `/` and `%` included).
 */

export type Route =
  | { page: 'home' }
  | { page: 'session'; id: string }
  /** The workshop room: `#/salle?jeton=…` (join, pick a session), `#/salle/projecteur?jeton=…` (read-only view). */
  | { page: 'room'; token: string | null }
  | { page: 'projector'; token: string | null };

export const HOME_PATH = '/';

/** The path of a session's page, as the router navigates to it: `/atelier/<id>`. */
export const sessionPath = (id: string): string => `/atelier/${encodeURIComponent(id)}`;

/** The same address as a link's `href` (the router reads the part after `#`). */
export const sessionHref = (id: string): string => `#${sessionPath(id)}`;

// One segment after `/atelier/` (any case, an optional trailing slash); what follows a `?` is not the id.
const SESSION_PATH = /^\/atelier\/([^/?#]+)\/?(?:[?#].*)?$/i;

export const ROOM_PATH = '/salle';

/** The room's join address for a token (the token goes in the hash: never sent to a server in a request line). */
export const roomHref = (token: string): string => `#${ROOM_PATH}?jeton=${encodeURIComponent(token)}`;
export const projectorHref = (token: string): string => `#${ROOM_PATH}/projecteur?jeton=${encodeURIComponent(token)}`;

const ROOM = /^\/salle(\/projecteur)?\/?(?:\?(.*))?$/i;

/** The room's pages; the token is the `jeton` parameter of the part after `?`. */
function parseRoomRoute(path: string): Route | null {
  const match = ROOM.exec(path);
  if (!match) return null;
  const token = new URLSearchParams(match[2] ?? '').get('jeton') || null;
  return match[1] ? { page: 'projector', token } : { page: 'room', token };
}

/**
 * The page an address points at: a hash (`#/atelier/…`), or the path the hash router gives
 * (`/atelier/…`), not decoded yet. An id that cannot be decoded (a lone `%`, an escape that is
 * not UTF-8) is kept as it is: no session has such an id, so its page says it cannot be found.
 */
export function parseRoute(address: string): Route {
  const path = `/${address.replace(/^#?\/?/, '')}`;
  const room = parseRoomRoute(path);
  if (room) return room;
  const match = SESSION_PATH.exec(path);
  if (!match) return { page: 'home' };
  const raw = match[1]!;
  try {
    return { page: 'session', id: decodeURIComponent(raw) };
  } catch {
    return { page: 'session', id: raw };
  }
}
