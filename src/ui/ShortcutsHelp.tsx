import type { ActionScope } from './actions';
import { shownKeys } from './actions';
import { Modal } from './Modal';

interface ShortcutsHelpProps {
  /** The page's actions: each one with keys is listed, under its scope. */
  scopes: readonly ActionScope<never>[];
  /** Keys that focused elements handle themselves, listed after the actions. */
  focusedKeys: readonly [string, string][];
  onClose: () => void;
}

function KeyTable({ caption, rows }: { caption: string; rows: readonly [string, string][] }) {
  return (
    <table className="shortcuts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Touches</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([keys, action]) => (
          <tr key={`${keys} ${action}`}>
            <td><kbd>{keys}</kbd></td>
            <td>{action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The keyboard shortcuts of the page, read from its actions. */
export function ShortcutsHelp({ scopes, focusedKeys, onClose }: ShortcutsHelpProps) {
  return (
    <Modal title="Raccourcis clavier" onClose={onClose}>
      {scopes.map((scope) => {
        const rows = scope.actions.filter((a) => a.keys?.length).map((a): [string, string] => [shownKeys(a), a.label]);
        return rows.length > 0 && <KeyTable key={scope.id} caption={scope.label} rows={rows} />;
      })}
      <KeyTable caption="Sur l'élément qui a le focus" rows={focusedKeys} />
      <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
    </Modal>
  );
}
