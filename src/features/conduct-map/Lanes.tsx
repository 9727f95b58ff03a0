import { useState } from 'react';
import { addLane, deleteLane, moveLane, stepsInLane, updateLane } from '../../domain/commands/conduct';
import { newId } from '../../domain/ids';
import type { Lane, Session } from '../../domain/types';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { Modal } from '../../ui/Modal';

const laneProblem = (label: string) =>
  label.trim() === '' ? 'Le nom du couloir est obligatoire.' : [...label.trim()].length > 200 ? 'Le nom ne doit pas dépasser 200 caractères.' : null;

/** Adding a lane: its name and, optionally, the actor of the session it stands for. */
export function AddLaneDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  const [label, setLabel] = useState('');
  const [actorId, setActorId] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title="Nouveau couloir" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = laneProblem(label);
          if (problem) {
            setError(problem);
            return;
          }
          const lane: Lane = { id: newId('couloir'), label: label.trim(), ...(actorId ? { actorId } : {}) };
          apply((s) => addLane(s, lane));
          useViewStore.getState().announce(`Couloir « ${lane.label} » ajouté.`);
          onClose();
        }}
      >
        <label htmlFor="lane-label">Nom du couloir</label>
        <input
          id="lane-label"
          value={label}
          maxLength={200}
          placeholder="Direction, DSI, CSE…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'lane-label-error' : undefined}
          onChange={(e) => {
            setLabel(e.target.value);
            setError(null);
          }}
        />
        {error && <p id="lane-label-error" className="field-error">{error}</p>}
        <label htmlFor="lane-actor">Acteur représenté</label>
        <select id="lane-actor" value={actorId} onChange={(e) => setActorId(e.target.value)}>
          <option value="">Aucun</option>
          {session.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <div className="actions">
          <button type="button" onClick={onClose}>Annuler</button>
          <button type="submit" className="primary">Ajouter le couloir</button>
        </div>
      </form>
    </Modal>
  );
}

/** Deleting a lane: says how many steps it holds, and moves them or deletes them too. */
export function DeleteLaneDialog({ session, lane, onClose }: { session: Session; lane: Lane; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  const count = stepsInLane(session, lane.id).length;
  const others = session.lanes.filter((l) => l.id !== lane.id);
  const [mode, setMode] = useState<'move' | 'delete'>(others.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const steps = count === 1 ? '1 étape' : `${count} étapes`;
  return (
    <Modal
      role="alertdialog"
      title={`Supprimer le couloir « ${lane.label} » ?`}
      description={count === 0 ? 'Ce couloir ne contient aucune étape.' : `Ce couloir contient ${steps}.`}
      onClose={onClose}
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          apply((s) => deleteLane(s, lane.id, count === 0 ? undefined : mode === 'move' ? { moveStepsTo: target } : { deleteSteps: true }));
          useViewStore.getState().announce(
            count === 0
              ? `Couloir « ${lane.label} » supprimé.`
              : mode === 'move'
                ? `Couloir « ${lane.label} » supprimé ; ${steps} déplacée${count > 1 ? 's' : ''}.`
                : `Couloir « ${lane.label} » et ${steps} supprimés.`,
          );
          onClose();
        }}
      >
        {count > 0 && (
          <fieldset>
            <legend>Que faire de {count === 1 ? "l'étape" : `ces ${count} étapes`} ?</legend>
            {others.length > 0 && (
              <label className="check">
                <input type="radio" name="lane-delete-mode" checked={mode === 'move'} onChange={() => setMode('move')} />
                Les déplacer vers
              </label>
            )}
            {others.length > 0 && mode === 'move' && (
              <select aria-label="Couloir de destination" value={target} onChange={(e) => setTarget(e.target.value)}>
                {others.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
              </select>
            )}
            <label className="check">
              <input type="radio" name="lane-delete-mode" checked={mode === 'delete'} onChange={() => setMode('delete')} />
              Les supprimer aussi ({steps})
            </label>
          </fieldset>
        )}
        <p className="hint">Vous pourrez annuler avec Ctrl+Z.</p>
        <div className="actions">
          <button type="button" onClick={onClose}>Annuler</button>
          <button type="submit" className="danger">Supprimer le couloir</button>
        </div>
      </form>
    </Modal>
  );
}

/** The lanes, top to bottom: rename, reorder (drag or buttons) and delete. */
export function LanesPanel({ session }: { session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Lane | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const move = (lane: Lane, to: number) => {
    apply((s) => moveLane(s, lane.id, to));
    useViewStore.getState().announce(`Couloir « ${lane.label} » en position ${Math.max(1, Math.min(to + 1, session.lanes.length))}.`);
  };

  return (
    <details className="panel lanes-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>Couloirs ({session.lanes.length})</h2>
      </summary>
      {/* Drawn when opened: a hundred lanes, each with the list of actors, would weigh on opening a large map. */}
      {open && (
      <ol className="lane-list" aria-label="Couloirs">
        {session.lanes.map((lane, i) => (
          <li
            key={lane.id}
            draggable={editing !== lane.id}
            onDragStart={(e) => {
              setDragging(lane.id);
              e.dataTransfer.setData('text/plain', lane.id);
            }}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const l = session.lanes.find((x) => x.id === dragging);
              setDragging(null);
              if (l) move(l, i);
            }}
          >
            {editing === lane.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const problem = laneProblem(value);
                  if (problem) {
                    setError(problem);
                    return;
                  }
                  apply((s) => updateLane(s, lane.id, { label: value.trim() }));
                  setEditing(null);
                }}
              >
                <input
                  aria-label={`Nouveau nom du couloir ${lane.label}`}
                  value={value}
                  autoFocus
                  maxLength={200}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => {
                    setValue(e.target.value);
                    setError(null);
                  }}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                />
                <button type="submit">OK</button>
                {error && <p className="field-error">{error}</p>}
              </form>
            ) : (
              <>
                <span className="lane-name">{lane.label}</span>
                <select
                  className="lane-actor"
                  aria-label={`Acteur représenté par le couloir ${lane.label}`}
                  title="Acteur que ce couloir représente"
                  value={lane.actorId ?? ''}
                  onChange={(e) => {
                    const actorId = e.target.value || undefined;
                    apply((s) => updateLane(s, lane.id, { actorId }));
                    const name = session.actors.find((a) => a.id === actorId)?.name;
                    useViewStore.getState().announce(name ? `Le couloir « ${lane.label} » représente ${name}.` : `Le couloir « ${lane.label} » ne représente plus d'acteur.`);
                  }}
                >
                  <option value="">Aucun acteur</option>
                  {session.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                </select>
                <span className="lane-buttons">
                  <button type="button" aria-label={`Renommer le couloir ${lane.label}`} onClick={() => { setEditing(lane.id); setValue(lane.label); setError(null); }}>✎</button>
                  <button type="button" aria-label={`Monter le couloir ${lane.label}`} disabled={i === 0} onClick={() => move(lane, i - 1)}>↑</button>
                  <button type="button" aria-label={`Descendre le couloir ${lane.label}`} disabled={i === session.lanes.length - 1} onClick={() => move(lane, i + 1)}>↓</button>
                  <button type="button" aria-label={`Supprimer le couloir ${lane.label}`} onClick={() => setDeleting(lane)}>✕</button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      )}
      {deleting && <DeleteLaneDialog session={session} lane={deleting} onClose={() => setDeleting(null)} />}
    </details>
  );
}
