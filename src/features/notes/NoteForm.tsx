import { useId, useState } from 'react';
import { addNote, deleteNotes, updateNote } from '../../domain/commands/notes';
import { noteTextProblem } from './messages';
import { ASPECTS, AUTHOR_ROLES, NOTE_KINDS, type Aspect, type AuthorRole, type NoteKind, type NoteMap } from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Note, Session } from '../../domain/types';
import { ASPECT_LABELS, AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS } from '../../i18n/labels';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { EditorForm, type FormButtons } from '../../ui/EditorForm';
import { Modal } from '../../ui/Modal';
import { SidePanelEditor } from '../side-panel/SidePanelEditor';
import { useFollowedField } from '../../ui/useFollowedField';

interface FieldsProps extends FormButtons<Omit<Note, 'id'>> {
  session: Session;
  map: NoteMap;
  initial?: Note;
  defaultTarget?: Note['attachedTo'];
}

const lastRole: { value: AuthorRole } = { value: 'direction' };
/** One empty list, so that a new note's aspects have a stable source (see useFollowedField). */
const NO_ASPECTS: readonly Aspect[] = [];

function NoteFields({ session, map, initial, defaultTarget, onSubmit, ...buttons }: FieldsProps) {
  const uid = useId();
  const [text, setText] = useFollowedField(initial?.text ?? '');
  const [role, setRole] = useFollowedField<AuthorRole>(initial?.authorRole ?? lastRole.value);
  const [kind, setKind] = useFollowedField<NoteKind>(initial?.kind ?? 'constat');
  const target0 = initial ? initial.attachedTo : defaultTarget;
  const [target, setTarget] = useFollowedField(target0 ? `${target0.type}:${target0.id}` : '');
  const [aspects, setAspects] = useFollowedField<readonly Aspect[]>(initial?.aspects ?? NO_ASPECTS);
  const [error, setError] = useState<string | null>(null);
  return (
    <EditorForm
      {...buttons}
      onSubmit={() => {
        const problem = noteTextProblem(text);
        if (problem) {
          setError(problem);
          document.getElementById(`${uid}-text`)?.focus();
          return;
        }
        lastRole.value = role;
        const [type, ...rest] = target.split(':');
        onSubmit({
          text: text.trim(),
          authorRole: role,
          kind,
          map,
          aspects: aspects.length ? [...aspects] : undefined,
          ...(target ? { attachedTo: { type: type as 'step' | 'actor', id: rest.join(':') } } : {}),
          ...(initial?.position ? { position: initial.position } : {}),
        });
      }}
    >
      <label htmlFor={`${uid}-text`}>Texte de la note</label>
      <textarea
        id={`${uid}-text`}
        value={text}
        rows={4}
        maxLength={5000}
        autoFocus={!initial /* editing a selected note leaves the focus on the map */}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${uid}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      {error && <p id={`${uid}-error`} className="field-error">{error}</p>}
      <label htmlFor={`${uid}-role`}>Rôle de l'auteur·rice</label>
      <select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value as AuthorRole)}>
        {AUTHOR_ROLES.map((r) => <option key={r} value={r}>{AUTHOR_ROLE_LABELS[r]}</option>)}
      </select>
      <label htmlFor={`${uid}-kind`}>Type de note</label>
      <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
        {NOTE_KINDS.map((k) => <option key={k} value={k}>{NOTE_KIND_LABELS[k]}</option>)}
      </select>
      <fieldset>
        <legend>Aspects</legend>
        {ASPECTS.map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              checked={aspects.includes(a)}
              onChange={(e) => setAspects(e.target.checked ? ASPECTS.filter((x) => x === a || aspects.includes(x)) : aspects.filter((x) => x !== a))}
            />
            {ASPECT_LABELS[a]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${uid}-target`}>Attachée à</label>
      <select id={`${uid}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Rien (note libre)</option>
        {/* A note hangs on what its map shows: steps on the conduct map, actors on the actor map
            (one already hung on the other kind, from an older file, keeps its choice). */}
        {(map === 'conduite' || target.startsWith('step:')) && (
          <optgroup label="Étapes">
            {session.steps.map((s, i) => <option key={s.id} value={`step:${s.id}`}>{`Étape ${i + 1} : ${s.title}`}</option>)}
          </optgroup>
        )}
        {(map === 'acteurs' || target.startsWith('actor:')) && (
          <optgroup label="Acteurs">
            {session.actors.map((a) => <option key={a.id} value={`actor:${a.id}`}>{a.name}</option>)}
          </optgroup>
        )}
      </select>
    </EditorForm>
  );
}

/** Writing a note: the text, who writes it (role), its kind, and what it hangs on. */
export function AddNoteDialog({ session, map, target, onClose }: { session: Session; map: NoteMap; target?: Note['attachedTo']; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  return (
    <Modal title="Nouvelle note" onClose={onClose}>
      <NoteFields
        session={session}
        map={map}
        defaultTarget={target}
        submitLabel="Ajouter la note"
        onCancel={onClose}
        onSubmit={(fields) => {
          const note: Note = { id: newId('note'), ...fields };
          apply((s) => addNote(s, note));
          useViewStore.getState().announce(`Note de ${AUTHOR_ROLE_LABELS[note.authorRole]} ajoutée.`);
          onClose();
        }}
      />
    </Modal>
  );
}

/** Editing the selected note, in the side panel. */
export function NoteEditor({ session, note }: { session: Session; note: Note }) {
  return (
    <SidePanelEditor<Omit<Note, 'id'>>
      name="note"
      title="Note"
      form={(buttons) => <NoteFields key={note.id} session={session} map={note.map} initial={note} {...buttons} />}
      save={(fields) => (s) => updateNote(s, note.id, { ...fields, attachedTo: fields.attachedTo, aspects: fields.aspects })}
      saved="Note enregistrée."
      deleteLabel="Supprimer la note"
      remove={{ command: (s) => deleteNotes(s, [note.id]), announcement: 'Note supprimée (Ctrl+Z pour annuler).' }}
      close={() => useViewStore.getState().select([])}
    />
  );
}

/** Which roles' notes are shown: one viewpoint at a time, or the three side by side. */
export function NotesFilter() {
  const roles = useViewStore((s) => s.noteRoles);
  const setRoles = useViewStore((s) => s.setNoteRoles);
  const summary = roles.length === AUTHOR_ROLES.length ? 'toutes' : roles.length === 0 ? 'aucune' : `${roles.length} sur ${AUTHOR_ROLES.length}`;
  // A compact control in the map's toolbar: the choices open below it.
  return (
    <details className="notes-filter">
      <summary>Notes : {summary}</summary>
      <fieldset>
        <legend>Notes affichées</legend>
        {AUTHOR_ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles(e.target.checked ? AUTHOR_ROLES.filter((x) => x === r || roles.includes(x)) : roles.filter((x) => x !== r))}
            />
            {AUTHOR_ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
