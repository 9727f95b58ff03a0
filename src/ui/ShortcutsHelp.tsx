import { Modal } from './Modal';

const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Annuler'],
  ['Ctrl+Maj+Z ou Ctrl+Y', 'Rétablir'],
  ['Suppr', 'Supprimer la sélection (étapes, liens, acteurs, relations, notes)'],
  ['Ctrl+C, Ctrl+X, Ctrl+V', 'Copier, couper, coller des étapes ou des acteurs (aussi vers un autre atelier)'],
  ['Alt+↑, Alt+↓', "Avancer ou reculer l'étape sélectionnée dans la chronologie"],
  ['N', 'Conduite de projet : nouvelle étape'],
  ['L', "Conduite de projet : relier l'étape sélectionnée à une autre (lien)"],
  ['R', "Acteurs : nouvelle relation depuis l'acteur sélectionné"],
  ['Entrée', "Dans l'éditeur d'étape : enregistrer (puis saisir l'étape suivante)"],
  ['Ctrl+Entrée', 'Dans une description : enregistrer'],
  ['Tab, Entrée, Espace', 'Aller aux étapes et acteurs du plan, les sélectionner'],
  ['← →', "Sur une étape du plan : étape précédente, suivante dans la chronologie"],
  ['↑ ↓', 'Sur une étape du plan : étape du couloir au-dessus, au-dessous'],
  ['Entrée (sur une étape)', "Modifier l'étape : le curseur va dans son titre"],
  ['Flèches (acteurs, notes)', "Déplacer l'acteur ou la note sélectionnés (Maj : plus loin)"],
  ['Échap', 'Désélectionner, fermer une fenêtre, quitter la présentation'],
  ['→, Espace ; ←', 'Présentation : étape suivante ; précédente'],
  ['?', 'Afficher cette aide'],
];

/** The keyboard shortcuts of the app. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Raccourcis clavier" onClose={onClose}>
      <table className="shortcuts">
        <caption className="visually-hidden">Raccourcis clavier</caption>
        <thead>
          <tr>
            <th scope="col">Touches</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td><kbd>{keys}</kbd></td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
    </Modal>
  );
}
