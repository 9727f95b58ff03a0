import { useId, useMemo, useState } from 'react';
import { actorUsage, addActor, addRelation, deleteActors, relationProblem, updateActor, updateRelation, deleteRelations } from '../../domain/commands/actors';
import { actorNameProblem, RELATION_PROBLEM_MESSAGES } from './messages';
import { searchCatalogue } from '../../domain/catalogue';
import {
  ACTOR_CATEGORIES, ANSWERS, CHANNELS, FORMALITIES, NON_USAGE_REASONS, RELATION_KINDS, USAGES,
  type ActorCategory, type Answer, type Channel, type Formality, type NonUsageReason, type RelationKind, type Usage,
} from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Actor, Relation, Session } from '../../domain/types';
import {
  ACTOR_CATEGORY_LABELS, ANSWER_LABELS, CHANNEL_LABELS, FORMALITY_LABELS, NON_USAGE_LABELS, PARTICIPATION_LABELS, RELATION_KIND_LABELS,
  USAGE_LABELS, relationSentence,
} from '../../i18n/labels';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { EditorForm, type FormButtons } from '../../ui/EditorForm';
import { Modal } from '../../ui/Modal';
import { SidePanelEditor } from '../side-panel/SidePanelEditor';
import { useFollowedField } from '../../ui/useFollowedField';
import { defaultActorPosition } from '../../domain/layout/actors';

type ActorFieldValues = Pick<Actor, 'name' | 'category' | 'description' | 'usage' | 'nonUsage' | 'usageNote'>;

function ActorFields({ initial, onSubmit, ...buttons }: FormButtons<ActorFieldValues> & { initial?: Actor }) {
  const uid = useId();
  const [name, setName] = useFollowedField(initial?.name ?? '');
  const [category, setCategory] = useFollowedField<ActorCategory>(initial?.category ?? 'autre');
  const [description, setDescription] = useFollowedField(initial?.description ?? '');
  const [usage, setUsage] = useFollowedField<Usage | ''>(initial?.usage ?? '');
  const [nonUsage, setNonUsage] = useFollowedField<NonUsageReason | ''>(initial?.nonUsage ?? '');
  const [usageNote, setUsageNote] = useFollowedField(initial?.usageNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [browsing, setBrowsing] = useState(false);
  // Typing narrows the catalogue to 12 names; « Parcourir » shows it whole, for who does not know the names.
  const suggestions = useMemo(
    () => (initial ? [] : query.trim() ? searchCatalogue(query).slice(0, 12) : browsing ? searchCatalogue('') : []),
    [query, initial, browsing],
  );
  return (
    <EditorForm
      {...buttons}
      onSubmit={() => {
        const problem = actorNameProblem(name);
        if (problem) {
          setError(problem);
          document.getElementById(`${uid}-name`)?.focus();
          return;
        }
        // A reason of non-use only for a non-user; a remark only when the use is said.
        onSubmit({
          name: name.trim(),
          category,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(usage ? { usage } : {}),
          ...(usage === 'non-utilisateur' && nonUsage ? { nonUsage } : {}),
          ...(usage && usageNote.trim() ? { usageNote: usageNote.trim() } : {}),
        });
      }}
    >
      {!initial && (
        <>
          <label htmlFor={`${uid}-catalogue`}>Chercher dans le catalogue</label>
          <input
            id={`${uid}-catalogue`}
            value={query}
            placeholder="ARS, CSE, éditeur, infirmier…"
            onChange={(e) => setQuery(e.target.value)}
          />
          {suggestions.length > 0 && (
            <ul className="catalogue" aria-label="Acteurs du catalogue">
              {suggestions.map((entry) => (
                <li key={`${entry.category}-${entry.name}`}>
                  <button
                    type="button"
                    onClick={() => {
                      setName(entry.name);
                      setCategory(entry.category);
                      if (entry.description) setDescription(entry.description);
                      setQuery('');
                      setBrowsing(false);
                      setError(null);
                      document.getElementById(`${uid}-name`)?.focus();
                    }}
                  >
                    <span aria-hidden="true">{ACTOR_CATEGORY_VISUALS[entry.category].icon} </span>
                    {entry.name} <span className="hint">({ACTOR_CATEGORY_LABELS[entry.category]})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" aria-expanded={browsing} onClick={() => setBrowsing((b) => !b)}>
            {browsing ? 'Masquer le catalogue' : `Parcourir le catalogue (${searchCatalogue('').length} acteurs)`}
          </button>
        </>
      )}
      <label htmlFor={`${uid}-name`}>Nom</label>
      <input
        id={`${uid}-name`}
        value={name}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${uid}-error` : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      {error && <p id={`${uid}-error`} className="field-error">{error}</p>}
      <label htmlFor={`${uid}-category`}>Catégorie</label>
      <select id={`${uid}-category`} value={category} onChange={(e) => setCategory(e.target.value as ActorCategory)}>
        {ACTOR_CATEGORIES.map((c) => <option key={c} value={c}>{`${ACTOR_CATEGORY_VISUALS[c].icon} ${ACTOR_CATEGORY_LABELS[c]}`}</option>)}
      </select>
      <label htmlFor={`${uid}-description`}>Description</label>
      <textarea id={`${uid}-description`} value={description} rows={3} maxLength={5000} onChange={(e) => setDescription(e.target.value)} />
      <label htmlFor={`${uid}-usage`}>Usage</label>
      <select id={`${uid}-usage`} value={usage} onChange={(e) => setUsage(e.target.value as Usage | '')}>
        <option value="">Non renseigné</option>
        {USAGES.map((u) => <option key={u} value={u}>{USAGE_LABELS[u]}</option>)}
      </select>
      {usage === 'non-utilisateur' && (
        <>
          <label htmlFor={`${uid}-nonUsage`}>Raison de non-usage</label>
          <select id={`${uid}-nonUsage`} value={nonUsage} onChange={(e) => setNonUsage(e.target.value as NonUsageReason | '')}>
            <option value="">Non précisée</option>
            {NON_USAGE_REASONS.map((r) => <option key={r} value={r}>{NON_USAGE_LABELS[r]}</option>)}
          </select>
        </>
      )}
      {usage && (
        <>
          <label htmlFor={`${uid}-usageNote`}>Remarque sur l'usage</label>
          <textarea
            id={`${uid}-usageNote`}
            value={usageNote}
            rows={2}
            maxLength={1000}
            placeholder="Ce qui est dit de cet usage ou de ce non-usage"
            onChange={(e) => setUsageNote(e.target.value)}
          />
        </>
      )}
    </EditorForm>
  );
}

export function AddActorDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  return (
    <Modal title="Nouvel acteur" onClose={onClose}>
      <ActorFields
        submitLabel="Ajouter l'acteur"
        onCancel={onClose}
        onSubmit={(fields) => {
          const actor: Actor = { id: newId('acteur'), ...fields, position: defaultActorPosition(session.actors.length) };
          apply((s) => addActor(s, actor));
          useViewStore.getState().announce(`Acteur « ${actor.name} » ajouté.`);
          useViewStore.getState().select([actor.id], 'actor');
          onClose();
        }}
      />
    </Modal>
  );
}

/** Whether deleting these actors changes the conduct map (steps they took part in, lanes standing for them). */
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/** What deleting these actors will change, in French, for the confirmation. */
export function actorsDeletionEffects(session: Session, ids: readonly string[]): string {
  const usages = ids.map((id) => actorUsage(session, id));
  const steps = new Set(usages.flatMap((u) => u.participations.map((p) => p.stepId))).size;
  const relations = new Set(usages.flatMap((u) => u.relations.map((r) => r.id))).size;
  const lanes = usages.flatMap((u) => u.lanes);
  const notes = usages.reduce((n, u) => n + u.notes.length, 0);
  const who = ids.length > 1 ? 'Ils seront retirés' : 'Il sera retiré';
  return [
    steps ? `${who} de ${steps} ${plural(steps, 'étape', 'étapes')}.` : '',
    relations ? `${relations} ${plural(relations, 'relation disparaîtra', 'relations disparaîtront')}.` : '',
    lanes.length ? `${plural(lanes.length, 'Le couloir', 'Les couloirs')} ${lanes.map((l) => `« ${l.label} »`).join(', ')} ${plural(lanes.length, 'restera', 'resteront')}, sans acteur.` : '',
    notes ? `${notes} ${plural(notes, 'note sera détachée (gardée)', 'notes seront détachées (gardées)')}.` : '',
    'Vous pourrez annuler avec Ctrl+Z.',
  ].filter(Boolean).join(' ');
}

/** Asks before deleting actors, and says what will change on the maps. */
export function ConfirmDeleteActors({ session, actorIds, onConfirm, onClose }: {
  session: Session;
  actorIds: readonly string[];
  onConfirm: () => void;
  onClose: () => void;
}) {
  const names = actorIds.map((id) => session.actors.find((a) => a.id === id)?.name ?? id);
  const one = names.length === 1;
  return (
    <Modal
      role="alertdialog"
      title={one ? `Supprimer l'acteur « ${names[0]} » ?` : `Supprimer ${names.length} acteurs ?`}
      description={actorsDeletionEffects(session, actorIds)}
      onClose={onClose}
    >
      <div className="actions">
        <button type="button" onClick={onClose}>Annuler</button>
        <button type="button" className="danger" onClick={onConfirm}>{one ? "Supprimer l'acteur" : 'Supprimer les acteurs'}</button>
      </div>
    </Modal>
  );
}

export function ActorEditor({ session, actor }: { session: Session; actor: Actor }) {
  const apply = useDocumentStore((s) => s.apply);
  const [confirming, setConfirming] = useState(false);
  const usage = actorUsage(session, actor.id);
  const close = () => useViewStore.getState().select([], 'actor');
  return (
    <SidePanelEditor<ActorFieldValues>
      name="actor"
      title="Acteur"
      form={(buttons) => <ActorFields key={actor.id} initial={actor} {...buttons} />}
      save={(fields) => (s) => updateActor(s, actor.id, { ...fields, description: fields.description, usage: fields.usage, nonUsage: fields.nonUsage, usageNote: fields.usageNote })}
      saved={(fields) => `Acteur « ${fields.name} » enregistré.`}
      deleteLabel="Supprimer l'acteur"
      remove={{ perform: () => setConfirming(true) }}
      close={close}
    >
      <h3 className="subheading">Participation aux étapes</h3>
      {usage.participations.length === 0 ? (
        <p className="hint">Associé·e à aucune étape.</p>
      ) : (
        <ul className="plain-list">
          {usage.participations.map((p) => {
            const step = session.steps.find((s) => s.id === p.stepId);
            return <li key={p.stepId}>{`Étape ${p.number} : ${step?.title ?? ''} — ${PARTICIPATION_LABELS[p.role]}`}</li>;
          })}
        </ul>
      )}
      {confirming && (
        <ConfirmDeleteActors
          session={session}
          actorIds={[actor.id]}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            apply((s) => deleteActors(s, [actor.id]));
            setConfirming(false);
            close();
            useViewStore.getState().announce(`Acteur « ${actor.name} » supprimé (Ctrl+Z pour annuler).`);
          }}
        />
      )}
    </SidePanelEditor>
  );
}

function RelationFields({ session, initial, onSubmit, ...buttons }: FormButtons<Omit<Relation, 'id'>> & {
  session: Session;
  initial: Partial<Relation>;
}) {
  const uid = useId();
  const [from, setFrom] = useFollowedField(initial.from ?? session.actors[0]?.id ?? '');
  const [to, setTo] = useFollowedField(initial.to ?? session.actors[1]?.id ?? '');
  const [kind, setKind] = useFollowedField<RelationKind>(initial.kind ?? 'pilote');
  const [label, setLabel] = useFollowedField(initial.label ?? '');
  const [channel, setChannel] = useFollowedField<Channel | ''>(initial.channel ?? '');
  const [formality, setFormality] = useFollowedField<Formality | ''>(initial.formality ?? '');
  const [answer, setAnswer] = useFollowedField<Answer | ''>(initial.answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const actorOptions = session.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>);
  return (
    <EditorForm
      {...buttons}
      onSubmit={() => {
        const problem = relationProblem(session, from, to, kind, initial.id);
        if (problem) {
          setError(RELATION_PROBLEM_MESSAGES[problem]);
          return;
        }
        onSubmit({
          from,
          to,
          kind,
          ...(label.trim() ? { label: label.trim() } : {}),
          ...(channel ? { channel } : {}),
          ...(formality ? { formality } : {}),
          // Only feedback gets an answer.
          ...(kind === 'remonte' && answer ? { answer } : {}),
        });
      }}
    >
      <label htmlFor={`${uid}-from`}>De</label>
      <select id={`${uid}-from`} value={from} onChange={(e) => { setFrom(e.target.value); setError(null); }}>{actorOptions}</select>
      <label htmlFor={`${uid}-kind`}>Type de relation</label>
      <select id={`${uid}-kind`} value={kind} onChange={(e) => { setKind(e.target.value as RelationKind); setError(null); }}>
        {RELATION_KINDS.map((k) => <option key={k} value={k}>{RELATION_KIND_LABELS[k]}</option>)}
      </select>
      <label htmlFor={`${uid}-to`}>Vers</label>
      <select id={`${uid}-to`} value={to} onChange={(e) => { setTo(e.target.value); setError(null); }}>{actorOptions}</select>
      <label htmlFor={`${uid}-label`}>Libellé</label>
      <input id={`${uid}-label`} value={label} maxLength={200} placeholder="facultatif" onChange={(e) => setLabel(e.target.value)} />
      <div className="form-row">
        <div>
          <label htmlFor={`${uid}-channel`}>Canal</label>
          <select id={`${uid}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
            <option value="">Non renseigné</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-formality`}>Formalité</label>
          <select id={`${uid}-formality`} value={formality} onChange={(e) => setFormality(e.target.value as Formality | '')}>
            <option value="">Non renseignée</option>
            {FORMALITIES.map((f) => <option key={f} value={f}>{FORMALITY_LABELS[f]}</option>)}
          </select>
        </div>
      </div>
      {kind === 'remonte' && (
        <>
          <label htmlFor={`${uid}-answer`}>Suite donnée</label>
          <select id={`${uid}-answer`} value={answer} onChange={(e) => setAnswer(e.target.value as Answer | '')}>
            <option value="">Non renseignée</option>
            {ANSWERS.map((a) => <option key={a} value={a}>{ANSWER_LABELS[a]}</option>)}
          </select>
        </>
      )}
      {error && <p role="alert" className="field-error">{error}</p>}
    </EditorForm>
  );
}

export function RelationDialog({ session, from, to, onClose }: { session: Session; from?: string; to?: string; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  if (session.actors.length < 2) {
    return (
      <Modal title="Nouvelle relation" onClose={onClose}>
        <p>Une relation relie deux acteurs : ajoutez d'abord au moins deux acteurs.</p>
        <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
      </Modal>
    );
  }
  return (
    <Modal title="Nouvelle relation" onClose={onClose}>
      <RelationFields
        session={session}
        initial={{ ...(from ? { from } : {}), ...(to ? { to } : {}) }}
        submitLabel="Ajouter la relation"
        onCancel={onClose}
        onSubmit={(fields) => {
          apply((s) => addRelation(s, { id: newId('relation'), ...fields }));
          const nameOf = (id: string) => session.actors.find((a) => a.id === id)?.name ?? '?';
          useViewStore.getState().announce(`Relation ajoutée : ${relationSentence(nameOf(fields.from), fields.kind, nameOf(fields.to))}.`);
          onClose();
        }}
      />
    </Modal>
  );
}

export function RelationEditor({ session, relation }: { session: Session; relation: Relation }) {
  return (
    <SidePanelEditor<Omit<Relation, 'id'>>
      name="relation"
      title="Relation"
      form={(buttons) => <RelationFields key={relation.id} session={session} initial={relation} {...buttons} />}
      save={(fields) => (s) => updateRelation(s, relation.id, { ...fields, label: fields.label, channel: fields.channel, formality: fields.formality, answer: fields.answer })}
      saved="Relation enregistrée."
      deleteLabel="Supprimer la relation"
      remove={{ command: (s) => deleteRelations(s, [relation.id]), announcement: 'Relation supprimée (Ctrl+Z pour annuler).' }}
      close={() => useViewStore.getState().selectLinks([])}
    />
  );
}
