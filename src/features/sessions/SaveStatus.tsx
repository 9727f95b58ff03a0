import { useViewStore } from '../../state/viewStore';

/** The save state, always visible: `Enregistré` once every change is on disk. */
export function SaveStatus() {
  const status = useViewStore((s) => s.saveStatus);
  const text =
    status.state === 'saved'
      ? 'Enregistré'
      : status.state === 'error'
        ? `Non enregistré : ${status.message}`
        : 'Enregistrement…';
  return (
    <p role="status" className={`save-status save-${status.state}`}>
      {text}
    </p>
  );
}
