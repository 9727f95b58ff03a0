import { useId, useRef, useState } from 'react';
import {
  addObjective, deleteObjectives, matchObjectives, setMaturityRating, setMaturityRevealed, unmatchObjectives, updateObjective,
} from '../../domain/commands/viewpoints';
import { MATURITY_DOMAINS, MATURITY_RATINGS, TRINOME_ROLES, type MaturityDomain, type TrinomeRole } from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Objective, Session } from '../../domain/types';
import { divergences, matchesOf, ratedCount } from '../../domain/viewpoints';
import { MATURITY_DOMAIN_LABELS, MATURITY_RATING_LABELS, TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { Radar } from './Radar';
import { DivergenceList } from './DivergenceList';

const announce = (message: string) => useViewStore.getState().announce(message);

/** The Regards tab: each role's objectives side by side, and the digital maturity grid rated in turn. */
export function ViewpointsView({ session }: { session: Session }) {
  return (
    <div className="synthesis viewpoints">
      <ObjectivesPanel session={session} />
      <MaturityPanel session={session} />
    </div>
  );
}

function ObjectivesPanel({ session }: { session: Session }) {
  const objectives = session.viewpoints?.objectives ?? [];
  return (
    <section aria-labelledby="objectives-heading" className="panel">
      <h2 id="objectives-heading">Objectifs du projet, regard par regard</h2>
      <p className="hint">
        Chaque membre du trinôme écrit les objectifs du projet tels qu'il les voit. Reliez ensuite ceux qui se rejoignent : les autres
        sont ceux d'un seul regard.
      </p>
      <div className="note-columns">
        {TRINOME_ROLES.map((role) => (
          <ObjectiveColumn key={role} role={role} session={session} objectives={objectives.filter((o) => o.role === role)} />
        ))}
      </div>
    </section>
  );
}

function ObjectiveColumn({ role, session, objectives }: { role: TrinomeRole; session: Session; objectives: Objective[] }) {
  const apply = useDocumentStore((s) => s.apply);
  const [draft, setDraft] = useState('');
  const label = TRINOME_ROLE_LABELS[role];
  const inputId = `objective-new-${role}`;
  return (
    <div className="note-column objective-column" style={{ borderTopColor: AUTHOR_ROLE_VISUALS[role].border }}>
      <h3>{label}</h3>
      {objectives.length === 0 && <p className="hint">Aucun objectif.</p>}
      <ul className="objectives" aria-label={`Objectifs : ${label}`}>
        {objectives.map((o) => (
          <ObjectiveItem key={o.id} objective={o} session={session} />
        ))}
      </ul>
      <form
        className="objective-form"
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (!text) return;
          apply((s) => addObjective(s, { id: newId('obj'), role, text: [...text].slice(0, 500).join('') }));
          announce(`Objectif ajouté pour ${label}.`);
          setDraft('');
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">{`Nouvel objectif (${label})`}</label>
        <input id={inputId} value={draft} maxLength={500} placeholder="Un objectif…" onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" aria-label={`Ajouter un objectif (${label})`}>Ajouter</button>
      </form>
    </div>
  );
}

function ObjectiveItem({ objective, session }: { objective: Objective; session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  const vp = session.viewpoints;
  const all = vp?.objectives ?? [];
  const matched = matchesOf(vp, objective.id)
    .map((id) => all.find((o) => o.id === id))
    .filter((o): o is Objective => o !== undefined);
  const candidates = all.filter((o) => o.role !== objective.role && !matched.includes(o));
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setEditing(false);
    // Back where the keyboard was, once the button is drawn again.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <li className={`objective${matched.length === 0 ? ' is-single' : ' is-shared'}`}>
      {editing ? (
        <ObjectiveEditForm
          text={objective.text}
          onSave={(text) => {
            apply((s) => updateObjective(s, objective.id, { text }));
            announce('Objectif modifié (Ctrl+Z pour annuler).');
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <p className="objective-text">{objective.text}</p>
      )}
      {matched.length === 0 ? (
        <p className="objective-badge">Seul regard</p>
      ) : (
        <ul className="objective-matches" aria-label="Rejoint">
          {matched.map((m) => (
            <li key={m.id}>
              <span>= « {m.text} » ({TRINOME_ROLE_LABELS[m.role]})</span>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Délier « ${objective.text} » et « ${m.text} »`}
                onClick={() => apply((s) => unmatchObjectives(s, objective.id, m.id))}
              >
                Délier
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="objective-actions">
        {session.actors.length > 0 && (
          <select
            aria-label={`Acteur visé par « ${objective.text} »`}
            title="L'acteur dont ce rôle pense que c'était l'objectif"
            value={objective.actorId ?? ''}
            onChange={(e) => apply((s) => updateObjective(s, objective.id, { actorId: e.target.value || undefined }))}
          >
            <option value="">Objectif du projet</option>
            {session.actors.map((a) => (
              <option key={a.id} value={a.id}>{`Objectif de : ${a.name}`}</option>
            ))}
          </select>
        )}
        {candidates.length > 0 && (
          <select
            aria-label={`Relier « ${objective.text} » à`}
            value=""
            onChange={(e) => {
              const other = e.target.value;
              if (!other) return;
              apply((s) => matchObjectives(s, objective.id, other));
              announce('Objectifs reliés : ils sont partagés.');
            }}
          >
            <option value="">Relier à…</option>
            {TRINOME_ROLES.filter((r) => r !== objective.role).map((r) => {
              const options = candidates.filter((o) => o.role === r);
              return options.length === 0 ? null : (
                <optgroup key={r} label={TRINOME_ROLE_LABELS[r]}>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>{o.text}</option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        )}
        {!editing && (
          <button ref={editButton} type="button" className="link-button" aria-label={`Modifier l'objectif « ${objective.text} »`} onClick={() => setEditing(true)}>
            Modifier
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-label={`Supprimer l'objectif « ${objective.text} »`}
          onClick={() => {
            apply((s) => deleteObjectives(s, [objective.id]));
            announce('Objectif supprimé (Ctrl+Z pour annuler).');
            // The item is gone: the keyboard goes on in its column's field.
            document.getElementById(`objective-new-${objective.role}`)?.focus();
          }}
        >
          Supprimer
        </button>
      </div>
    </li>
  );
}

/** The text of an objective, edited in place: Entrée saves, Échap leaves it as it was. */
function ObjectiveEditForm({ text, onSave, onCancel }: { text: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState(text);
  const id = useId();
  const empty = !draft.trim();
  return (
    <form
      className="objective-form objective-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (empty) return;
        if (draft.trim() === text) onCancel();
        else onSave([...draft.trim()].slice(0, 500).join(''));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="visually-hidden" htmlFor={id}>Texte de l'objectif</label>
      {/* Focused on opening: the user asked to edit this text. */}
      <input id={id} autoFocus value={draft} maxLength={500} aria-invalid={empty || undefined} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" disabled={empty}>Enregistrer</button>
      <button type="button" onClick={onCancel}>Abandonner</button>
    </form>
  );
}

function MaturityPanel({ session }: { session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  const [turn, setTurn] = useState<TrinomeRole>('direction');
  const maturity = session.viewpoints?.maturity;
  const revealed = session.viewpoints?.revealed ?? false;
  const divergent = new Set(revealed ? divergences(maturity).map((d) => d.domain) : []);
  const shown = (role: TrinomeRole) => revealed || role === turn;
  return (
    <section aria-labelledby="maturity-heading" className="panel">
      <h2 id="maturity-heading">Maturité numérique</h2>
      <p className="hint">
        Chaque rôle note les sept domaines sans voir les notes des autres ; l'animation révèle ensuite les trois ensemble. 0 Absent, 1 Envisagé, 2
        En cours, 3 Développé, NSP : ne sait pas.
      </p>
      <div className="maturity-controls">
        {!revealed && (
          <label>
            Au tour de{' '}
            <select value={turn} onChange={(e) => setTurn(e.target.value as TrinomeRole)}>
              {TRINOME_ROLES.map((r) => (
                <option key={r} value={r}>{TRINOME_ROLE_LABELS[r]}</option>
              ))}
            </select>
          </label>
        )}
        <p className="maturity-progress">
          {TRINOME_ROLES.map((r) => `${TRINOME_ROLE_LABELS[r]} : ${ratedCount(maturity, r)}/${MATURITY_DOMAINS.length}`).join(' · ')}
        </p>
        {revealed ? (
          <button type="button" onClick={() => apply((s) => setMaturityRevealed(s, false))}>
            Masquer pour un nouveau tour
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => {
              apply((s) => setMaturityRevealed(s, true));
              announce('Notes révélées : les trois regards sont visibles.');
            }}
          >
            Révéler
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table className="maturity-grid">
          <caption>Maturité numérique par domaine</caption>
          <thead>
            <tr>
              <th scope="col">Domaine</th>
              {TRINOME_ROLES.map((r) => (
                <th key={r} scope="col" style={{ borderBottomColor: AUTHOR_ROLE_VISUALS[r].border }} className={shown(r) ? undefined : 'is-hidden-role'}>
                  {TRINOME_ROLE_LABELS[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MATURITY_DOMAINS.map((domain) => (
              <tr key={domain} className={divergent.has(domain) ? 'is-divergent' : undefined}>
                <th scope="row">
                  {MATURITY_DOMAIN_LABELS[domain]}
                  {divergent.has(domain) && <span className="divergence-flag"> ⚠ Divergence</span>}
                </th>
                {TRINOME_ROLES.map((role) => (
                  <td key={role}>
                    {shown(role) ? (
                      <RatingGroup domain={domain} role={role} value={maturity?.[domain]?.[role]} onChange={(v) => apply((s) => setMaturityRating(s, domain, role, v))} />
                    ) : (
                      <span className="hidden-rating">{maturity?.[domain]?.[role] !== undefined ? 'Noté (masqué)' : 'À noter'}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revealed && (
        <div className="maturity-result">
          <Radar maturity={maturity} />
          <DivergenceList maturity={maturity} />
        </div>
      )}
    </section>
  );
}

type Rating = (typeof MATURITY_RATINGS)[number];

function RatingGroup({ domain, role, value, onChange }: { domain: MaturityDomain; role: TrinomeRole; value: Rating | undefined; onChange: (v: Rating) => void }) {
  const name = `maturity-${domain}-${role}`;
  return (
    <div role="radiogroup" aria-label={`${MATURITY_DOMAIN_LABELS[domain]} — ${TRINOME_ROLE_LABELS[role]}`} className="rating-group">
      {MATURITY_RATINGS.map((r) => (
        <label key={String(r)} className="rating-option" title={MATURITY_RATING_LABELS[r]}>
          <input
            type="radio"
            name={name}
            checked={value === r}
            aria-label={r === 'nsp' ? 'NSP, ne sait pas' : MATURITY_RATING_LABELS[r]}
            onChange={() => onChange(r)}
          />
          <span aria-hidden="true">{r === 'nsp' ? 'NSP' : r}</span>
        </label>
      ))}
    </div>
  );
}
