/**
 * The sessions this tab follows through the workshop room. Kept apart from the room's code (Yjs,
 * the provider), so that the session controller can ask without loading it: a session in the room
 * takes the other tabs' edits from the room's document, never by reloading the disk.
 */
const following = new Set<string>();

export const isFollowedInRoom = (sessionId: string): boolean => following.has(sessionId);

export function followInRoom(sessionId: string, on: boolean): void {
  if (on) following.add(sessionId);
  else following.delete(sessionId);
}
