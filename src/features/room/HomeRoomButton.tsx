import { lazy, Suspense } from 'react';
import { ROOM_PATH } from '../../state/routes';
import { roomToken } from '../../state/roomToken';

// The room's code (Yjs, the provider) is fetched only by a tab that joined a room.
const RoomButton = lazy(() => import('./RoomButton').then((m) => ({ default: m.RoomButton })));

/** On the home page of a tab in a room: `Salle`, and the way back to the room's sessions. */
export function HomeRoomButton() {
  if (!roomToken()) return null;
  return (
    <>
      <Suspense fallback={null}>
        <RoomButton />
      </Suspense>
      <a href={`#${ROOM_PATH}`} className="room-link">Ateliers de la salle</a>
    </>
  );
}
