import { useState } from 'react';
import {
  addActor, addRelation, deleteActors, deleteRelations, relationProblem, updateActor, updateRelation,
} from '../../domain/commands/actors';
import { actorNameProblem, RELATION_PROBLEM_MESSAGES } from './messages';
import { ACTOR_CATEGORIES, RELATION_KINDS, type ActorCategory, type RelationKind } from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Relation, Session } from '../../domain/types';
import { ACTOR_CATEGORY_LABELS, RELATION_KIND_LABELS, relationSentence } from '../../i18n/labels';
import { applyCommand as apply } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { NewRowForm, TextCell } from '../../ui/OutlineParts';
import { defaultActorPosition } from '../../domain/layout/actors';
import { ConfirmDeleteActors } from './ActorDialogs';
import { actorsDeletionMatters } from './actions';

/** A relation's kind and label, edited in its row (one command each); a duplicate is refused in French. */
function RelationCells({ session, relation, name }: { session: Session; relation: Relation; name: string }) {
  const [label, setLabel] = useState(relation.label ?? '');
  const [error, setError] = useState<string | null>(null);
  const commitLabel = () => {
    if (label.trim() === (relation.label ?? '')) return;
    apply((s) => updateRelation(s, relation.id, { label: label.trim() || undefined }));
  };
  return (
    <>
      <td>
        <select
          aria-label={`Type de la relation ${name}`}
          value={relation.kind}
          onChange={(e) => {
            const kind = e.target.value as RelationKind;
            const problem = relationProblem(session, relation.from, relation.to, kind, relation.id);
            setError(problem ? RELATION_PROBLEM_MESSAGES[problem] : null);
            if (!problem) apply((s) => updateRelation(s, relation.id, { kind }));
          }}
        >
          {RELATION_KINDS.map((k) => <option key={k} value={k}>{RELATION_KIND_LABELS[k]}</option>)}
        </select>
        {error && <span role="alert" className="field-error">{error}</span>}
      </td>
      <td>
        <input
          aria-label={`Libellé de la relation ${name}`}
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commitLabel())}
        />
      </td>
    </>
  );
}

/** The actor map as two editable tables, in sync with the canvas (`Vue liste`). */
export function ActorOutline({ session }: { session: Session }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ActorCategory>('autre');
  const [actorError, setActorError] = useState<string | null>(null);
  const [rel, setRel] = useState<{ from: string; to: string; kind: RelationKind; label: string }>({ from: '', to: '', kind: 'pilote', label: '' });
  const [relError, setRelError] = useState<string | null>(null);
  const nameOf = (id: string) => session.actors.find((a) => a.id === id)?.name ?? id;
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = (id: string, name: string) => {
    apply((s) => deleteActors(s, [id]));
    useViewStore.getState().announce(`Acteur « ${name} » supprimé (Ctrl+Z pour annuler).`);
  };
  const from = rel.from || session.actors[0]?.id || '';
  const to = rel.to || session.actors[1]?.id || '';

  return (
    <div className="outline" role="region" aria-label="Vue liste des acteurs">
      {deleting && (
        <ConfirmDeleteActors
          session={session}
          actorIds={[deleting]}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            remove(deleting, nameOf(deleting));
            setDeleting(null);
          }}
        />
      )}
      <table className="outline-table">
        <caption>Acteurs</caption>
        <thead>
          <tr><th scope="col">Nom</th><th scope="col">Catégorie</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {session.actors.map((a) => (
            <tr key={a.id}>
              <td>
                <TextCell
                  key={a.name}
                  label={`Nom de l'acteur ${a.name}`}
                  value={a.name}
                  check={actorNameProblem}
                  onCommit={(v) => apply((s) => updateActor(s, a.id, { name: v.trim() }))}
                />
              </td>
              <td>
                <select aria-label={`Catégorie de ${a.name}`} value={a.category} onChange={(e) => apply((s) => updateActor(s, a.id, { category: e.target.value as ActorCategory }))}>
                  {ACTOR_CATEGORIES.map((c) => <option key={c} value={c}>{ACTOR_CATEGORY_LABELS[c]}</option>)}
                </select>
              </td>
              <td className="row-actions">
                <button type="button" aria-label={`Modifier ${a.name}`} onClick={() => useViewStore.getState().select([a.id], 'actor')}>✎</button>
                <button
                  type="button"
                  aria-label={`Supprimer ${a.name}`}
                  onClick={() => (actorsDeletionMatters(session, [a.id]) ? setDeleting(a.id) : remove(a.id, a.name))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewRowForm
        legend="Nouvel acteur"
        submitLabel="Ajouter l'acteur"
        error={actorError}
        onSubmit={() => {
          const problem = actorNameProblem(name);
          if (problem) return setActorError(problem);
          apply((s) => addActor(s, { id: newId('acteur'), name: name.trim(), category, position: defaultActorPosition(s.actors.length) }));
          useViewStore.getState().announce(`Acteur « ${name.trim()} » ajouté.`);
          setName('');
          setActorError(null);
        }}
      >
        <input aria-label="Nom du nouvel acteur" value={name} onChange={(e) => { setName(e.target.value); setActorError(null); }} />
        <select aria-label="Catégorie du nouvel acteur" value={category} onChange={(e) => setCategory(e.target.value as ActorCategory)}>
          {ACTOR_CATEGORIES.map((c) => <option key={c} value={c}>{ACTOR_CATEGORY_LABELS[c]}</option>)}
        </select>
      </NewRowForm>

      <table className="outline-table">
        <caption>Relations</caption>
        <thead>
          <tr><th scope="col">De</th><th scope="col">Vers</th><th scope="col">Type</th><th scope="col">Libellé</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {session.relations.map((r) => (
            <tr key={r.id}>
              <td>{nameOf(r.from)}</td>
              <td>{nameOf(r.to)}</td>
              <RelationCells key={`${r.kind}|${r.label ?? ''}`} session={session} relation={r} name={`de ${nameOf(r.from)} vers ${nameOf(r.to)}`} />
              <td className="row-actions">
                <button type="button" aria-label={`Supprimer la relation ${relationSentence(nameOf(r.from), r.kind, nameOf(r.to))}`} onClick={() => apply((s) => deleteRelations(s, [r.id]))}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewRowForm
        legend="Nouvelle relation"
        submitLabel="Ajouter la relation"
        disabled={session.actors.length < 2}
        error={relError}
        onSubmit={() => {
          const problem = relationProblem(session, from, to, rel.kind);
          if (problem) return setRelError(RELATION_PROBLEM_MESSAGES[problem]);
          apply((s) => addRelation(s, { id: newId('relation'), from, to, kind: rel.kind, ...(rel.label.trim() ? { label: rel.label.trim() } : {}) }));
          useViewStore.getState().announce(`Relation ajoutée : ${relationSentence(nameOf(from), rel.kind, nameOf(to))}.`);
          setRel((r) => ({ ...r, label: '' }));
          setRelError(null);
        }}
      >
        <select aria-label="De l'acteur" value={from} onChange={(e) => { setRel((r) => ({ ...r, from: e.target.value })); setRelError(null); }}>
          {session.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <select aria-label="Type de la nouvelle relation" value={rel.kind} onChange={(e) => { setRel((r) => ({ ...r, kind: e.target.value as RelationKind })); setRelError(null); }}>
          {RELATION_KINDS.map((k) => <option key={k} value={k}>{RELATION_KIND_LABELS[k]}</option>)}
        </select>
        <select aria-label="Vers l'acteur" value={to} onChange={(e) => { setRel((r) => ({ ...r, to: e.target.value })); setRelError(null); }}>
          {session.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <input aria-label="Libellé de la nouvelle relation" value={rel.label} onChange={(e) => setRel((r) => ({ ...r, label: e.target.value }))} />
      </NewRowForm>
    </div>
  );
}
