import { useState } from 'react';
import { addLink } from '../../domain/commands/conduct';
import { newId } from '../../domain/ids';
import type { Session } from '../../domain/types';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { Modal } from '../../ui/Modal';

/** Drawing a link with the keyboard (L): from the selected step to the step chosen here. */
export function LinkDialog({ session, fromId, onClose }: { session: Session; fromId: string; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  const fromIndex = session.steps.findIndex((s) => s.id === fromId);
  const candidates = session.steps.filter((s) => s.id !== fromId);
  const [to, setTo] = useState(session.steps[fromIndex + 1]?.id ?? candidates[0]?.id ?? '');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={`Nouveau lien depuis l'étape ${fromIndex + 1}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const current = useDocumentStore.getState().session;
          if (!current) return;
          const next = addLink(current, { id: newId('lien'), from: fromId, to, ...(label.trim() ? { label: label.trim() } : {}) });
          if (next === current) {
            setError('Ces deux étapes sont déjà reliées dans ce sens.');
            return;
          }
          apply(() => next);
          useViewStore.getState().announce(`Lien ajouté de l'étape ${fromIndex + 1} à l'étape ${session.steps.findIndex((s) => s.id === to) + 1}.`);
          onClose();
        }}
      >
        <label htmlFor="link-to">Vers l'étape</label>
        <select id="link-to" value={to} onChange={(e) => { setTo(e.target.value); setError(null); }}>
          {candidates.map((s) => <option key={s.id} value={s.id}>{`${session.steps.indexOf(s) + 1}. ${s.title}`}</option>)}
        </select>
        <label htmlFor="link-new-label">Libellé du lien</label>
        <input id="link-new-label" value={label} maxLength={200} placeholder="facultatif" onChange={(e) => setLabel(e.target.value)} />
        {error && <p role="alert" className="field-error">{error}</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>Annuler</button>
          <button type="submit" className="primary" disabled={!to}>Relier</button>
        </div>
      </form>
    </Modal>
  );
}
