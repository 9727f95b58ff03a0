/**
 * The room token of this tab, apart from the room's code (Yjs, the provider): the home page asks
 * whether it is in a room without loading them.
 */
const TOKEN_KEY = 'acia-salle-jeton';

/** The room token of this tab (kept for the tab: opening a session stays in the room). */
export function roomToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export function setRoomToken(token: string | null): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
    else globalThis.sessionStorage?.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the room works for this page only.
  }
}

