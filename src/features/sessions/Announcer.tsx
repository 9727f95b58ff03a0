import { useViewStore } from '../../state/viewStore';

/** What just happened, said politely to screen readers and shown in a discreet line. */
export function Announcer() {
  const message = useViewStore((s) => s.announcement);
  return (
    <p className="announcer" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
