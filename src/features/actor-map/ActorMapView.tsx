import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  actorsOfStep, copyActors, deleteActors, deleteRelations, moveActors, participationMatrix, pasteActors, type ActorClipboard,
} from '../../domain/commands/actors';
import { newId } from '../../domain/ids';
import { deleteNotes, filterNotes } from '../../domain/commands/notes';
import type { Session } from '../../domain/types';
import { ActorCanvas } from '../../canvas/actors/ActorCanvas';
import { applyCommand, useDocumentStore } from '../../state/documentStore';
import { noteIdOf, useViewStore } from '../../state/viewStore';
import { useSettledSelection } from '../../state/useSettledSelection';
import { AddNoteDialog, NoteEditor, NotesFilter } from '../notes/NoteForm';
import { ActorEditor, actorsDeletionMatters, AddActorDialog, ConfirmDeleteActors, RelationDialog, RelationEditor } from './ActorDialogs';
import { arrangeByCategory } from './arrange';
import { ActorLegend } from './Legend';
import { ParticipationMatrix } from './ParticipationMatrix';
import { ActorOutline } from './Outline';
import { objectKey } from '../../ui/objectKey';

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Actors copied in this tab (Ctrl+C), pasted with Ctrl+V here or in another session. */
let actorClipboard: ActorClipboard | null = null;

type Dialog =
  | { kind: 'actor' }
  | { kind: 'relation'; from?: string; to?: string }
  | { kind: 'note' }
  /** Deleting actors that took part in steps or stand for a lane: asked first. */
  | { kind: 'delete'; actorIds: string[]; relationIds: string[]; noteIds: string[] }
  | null;

/** Deletes actors, relations and notes in one command (one undo step), and clears the selection. */
function deleteSelected(actorIds: readonly string[], relationIds: readonly string[], noteIds: readonly string[]) {
  applyCommand((x) => deleteNotes(deleteRelations(deleteActors(x, actorIds), relationIds), noteIds));
  const view = useViewStore.getState();
  view.select([], 'actor');
  view.selectLinks([]);
  view.announce('Sélection supprimée (Ctrl+Z pour annuler).');
}

export function ActorMapView({ session }: { session: Session }) {
  return (
    <ReactFlowProvider>
      <ActorMapInner session={session} />
    </ReactFlowProvider>
  );
}

function ActorMapInner({ session }: { session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  // The side panels (the actor's editor) follow the selection once a drag is over.
  const selection = useSettledSelection();
  const linkSelection = useViewStore((s) => s.linkSelection);
  const focus = useViewStore((s) => s.focus);
  const noteRoles = useViewStore((s) => s.noteRoles);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [arranging, setArranging] = useState(false);
  const [outline, setOutline] = useState(false);
  // A large matrix is only drawn when asked for: opening the tab stays fast.
  const [matrixOpen, setMatrixOpen] = useState(() => session.actors.length * session.steps.length <= 2000);
  const flow = useReactFlow();

  const notes = useMemo(() => filterNotes(session.notes, { map: 'acteurs', roles: new Set(noteRoles) }), [session.notes, noteRoles]);
  const uninvolved = useMemo(() => participationMatrix(session).uninvolved, [session]);
  const highlighted = useMemo(() => new Set(focus?.type === 'step' ? actorsOfStep(session, focus.id) : []), [focus, session]);

  const onConnect = useCallback((from: string, to: string) => setDialog({ kind: 'relation', from, to }), []);

  const arrange = async () => {
    setArranging(true);
    try {
      const positions = await arrangeByCategory(session);
      apply((s) => moveActors(s, positions));
      useViewStore.getState().announce('Acteurs réorganisés par catégorie (Ctrl+Z pour annuler).');
      requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: reducedMotion() ? 0 : 300 }));
    } finally {
      setArranging(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTextField(e.target) || document.querySelector('[aria-modal="true"]')) return;
      if (useViewStore.getState().tab !== 'acteurs') return; // this map is being taken down (see SessionPage)
      if ((e.key === 'Delete' || e.key === 'Backspace') && !(e.ctrlKey || e.metaKey)) {
        const s = useDocumentStore.getState().session;
        const view = useViewStore.getState();
        if (!s) return;
        const noteIds = view.selection.map(noteIdOf).filter((x): x is string => x !== null);
        const actorIds = view.selection.filter((id) => !id.startsWith('note:') && s.actors.some((a) => a.id === id));
        const relationIds = view.linkSelection.filter((id) => s.relations.some((r) => r.id === id));
        if (actorIds.length + noteIds.length + relationIds.length === 0) return;
        e.preventDefault();
        if (actorsDeletionMatters(s, actorIds)) setDialog({ kind: 'delete', actorIds, relationIds, noteIds });
        else deleteSelected(actorIds, relationIds, noteIds);
      } else if (e.key.toLowerCase() === 'r' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const [id] = useViewStore.getState().selection;
        e.preventDefault();
        setDialog({ kind: 'relation', ...(id && !id.startsWith('note:') ? { from: id } : {}) });
      } else if ((e.ctrlKey || e.metaKey) && ['c', 'x', 'v'].includes(e.key.toLowerCase())) {
        const s = useDocumentStore.getState().session;
        const view = useViewStore.getState();
        if (!s) return;
        const key = e.key.toLowerCase();
        if (key === 'v') {
          if (!actorClipboard) return view.announce("Rien à coller : copiez d'abord un ou plusieurs acteurs.");
          e.preventDefault();
          const clip = actorClipboard;
          let pasted: string[] = [];
          applyCommand((x) => {
            const r = pasteActors(x, clip, () => newId('acteur'));
            pasted = r.pastedIds;
            return r.session;
          });
          view.select(pasted, 'actor');
          view.announce(`${pasted.length} acteur(s) collé(s).`);
          return;
        }
        const clip = copyActors(s, view.selection);
        if (!clip) return;
        e.preventDefault();
        actorClipboard = clip;
        if (key === 'x') {
          const ids = clip.actors.map((a) => a.id);
          // Copied already; removed once the user confirms (the dialog announces the deletion).
          if (actorsDeletionMatters(s, ids)) return setDialog({ kind: 'delete', actorIds: ids, relationIds: [], noteIds: [] });
          applyCommand((x) => deleteActors(x, ids));
          view.select([], 'actor');
        }
        view.announce(`${clip.actors.length} acteur(s) ${key === 'x' ? 'coupé(s)' : 'copié(s)'}.`);
      } else if (e.key === 'Escape') {
        useViewStore.getState().select([], 'actor');
        useViewStore.getState().selectLinks([]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const single = selection.length === 1 ? selection[0]! : null;
  const noteId = single ? noteIdOf(single) : null;
  const editedNote = noteId ? session.notes.find((n) => n.id === noteId) : undefined;
  const editedActor = single && !noteId ? session.actors.find((a) => a.id === single) : undefined;
  const editedRelation = !single && linkSelection.length === 1 ? session.relations.find((r) => r.id === linkSelection[0]) : undefined;

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label="Acteurs">
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'actor' })}>Ajouter un acteur</button>
        <button type="button" onClick={() => setDialog({ kind: 'relation' })}>Ajouter une relation</button>
        <button type="button" onClick={() => setDialog({ kind: 'note' })}>Ajouter une note</button>
        <button type="button" onClick={() => void arrange()} disabled={arranging || session.actors.length === 0}>
          {arranging ? 'Réorganisation…' : 'Réorganiser'}
        </button>
        <button type="button" onClick={() => void flow.fitView({ padding: 0.1, duration: reducedMotion() ? 0 : 300 })}>Ajuster à la vue</button>
        <button type="button" aria-pressed={outline} onClick={() => setOutline((o) => !o)}>Vue liste</button>
        <NotesFilter />
      </div>
      <div className="map-body">
        {outline ? (
          <ActorOutline session={session} />
        ) : (
          <ActorCanvas session={session} notes={notes} highlighted={highlighted} uninvolved={uninvolved} onConnect={onConnect} />
        )}
        <aside className="map-aside" tabIndex={0} aria-label="Panneaux des acteurs">
          {editedActor && <ActorEditor key={objectKey(editedActor)} session={session} actor={editedActor} />}
          {editedNote && <NoteEditor key={objectKey(editedNote)} session={session} note={editedNote} />}
          {editedRelation && <RelationEditor key={objectKey(editedRelation)} session={session} relation={editedRelation} />}
          <ActorLegend session={session} notes={notes} />
        </aside>
      </div>
      <details
        className="matrix-panel"
        open={matrixOpen}
        onToggle={(e) => setMatrixOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Participation des acteurs aux étapes</summary>
        {matrixOpen && <ParticipationMatrix session={session} />}
      </details>
      {dialog?.kind === 'actor' && <AddActorDialog session={session} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteActors
          session={session}
          actorIds={dialog.actorIds}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            deleteSelected(dialog.actorIds, dialog.relationIds, dialog.noteIds);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'relation' && <RelationDialog session={session} from={dialog.from} to={dialog.to} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'note' && (
        <AddNoteDialog
          session={session}
          map="acteurs"
          target={editedActor ? { type: 'actor', id: editedActor.id } : undefined}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
