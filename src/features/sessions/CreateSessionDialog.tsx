import { useState, type FormEvent } from 'react';
import { ESTABLISHMENT_KINDS, PROJECT_STATUSES, TRINOME_ROLES, type EstablishmentKind, type ProjectStatus, type TrinomeRole } from '../../domain/enums';
import { createSession } from '../../domain/session';
import { titleProblem } from './messages';
import type { Collective, Session } from '../../domain/types';
import { CollectiveFields, draftOf, readCollective, type CollectiveDraft } from './CollectiveFields';
import { ESTABLISHMENT_KIND_LABELS, PROJECT_STATUS_LABELS, TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { Modal } from '../../ui/Modal';
import { applyTemplate, TEMPLATES, type TemplateId } from './templates';

interface Props {
  onCancel: () => void;
  onCreate: (session: Session) => Promise<void> | void;
  /** The actions collectives of the sessions already here, offered by name. */
  collectives?: readonly Collective[];
}

type Member = { name: string; position: string };

/** The form that creates a workshop session. */
export function CreateSessionDialog({ onCancel, onCreate, collectives = [] }: Props) {
  const [title, setTitle] = useState('');
  const [establishment, setEstablishment] = useState('');
  const [kind, setKind] = useState<EstablishmentKind | ''>('');
  const [region, setRegion] = useState('');
  const [project, setProject] = useState('');
  const [status, setStatus] = useState<ProjectStatus | ''>('');
  const [date, setDate] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [trinome, setTrinome] = useState<Record<TrinomeRole, Member>>({
    direction: { name: '', position: '' },
    'representant-salaries': { name: '', position: '' },
    dsi: { name: '', position: '' },
  });
  const [template, setTemplate] = useState<TemplateId>('vide');
  const [collective, setCollective] = useState<CollectiveDraft>(() => draftOf(undefined));
  const [collectiveError, setCollectiveError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = titleProblem(title);
    if (problem) {
      setError(problem);
      document.getElementById('create-title')?.focus();
      return;
    }
    const action = readCollective(collective);
    if (!action.ok) {
      setCollectiveError(action.message);
      return;
    }
    setBusy(true);
    const session = createSession({
      title,
      establishment: { name: establishment, kind: kind || undefined, region },
      project: { name: project, status: status || undefined },
      workshop: { date: date || undefined, facilitator },
      trinome: TRINOME_ROLES.map((role) => ({ role, ...trinome[role] })),
    });
    try {
      const made = await applyTemplate(session, template);
      await onCreate(action.value ? { ...made, collective: action.value } : made);
    } finally {
      setBusy(false);
    }
  };

  const member = (role: TrinomeRole, field: keyof Member, value: string) =>
    setTrinome((t) => ({ ...t, [role]: { ...t[role], [field]: value } }));

  return (
    <Modal title="Nouvel atelier" onClose={onCancel}>
      <form onSubmit={submit} noValidate className="form">
        <label htmlFor="create-title">Titre de l'atelier <span aria-hidden="true">*</span></label>
        <input
          id="create-title"
          value={title}
          required
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'create-title-error' : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
        />
        {error && <p id="create-title-error" className="field-error">{error}</p>}

        <label htmlFor="create-template">Modèle</label>
        <select id="create-template" value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
          {TEMPLATES.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>

        <fieldset>
          <legend>Établissement</legend>
          <label htmlFor="create-establishment">Établissement</label>
          <input id="create-establishment" value={establishment} maxLength={200} onChange={(e) => setEstablishment(e.target.value)} />
          <label htmlFor="create-kind">Type d'établissement</label>
          <select id="create-kind" value={kind} onChange={(e) => setKind(e.target.value as EstablishmentKind | '')}>
            <option value="">Non précisé</option>
            {ESTABLISHMENT_KINDS.map((k) => <option key={k} value={k}>{ESTABLISHMENT_KIND_LABELS[k]}</option>)}
          </select>
          <label htmlFor="create-region">Région</label>
          <input id="create-region" value={region} maxLength={200} onChange={(e) => setRegion(e.target.value)} />
        </fieldset>

        <fieldset>
          <legend>Projet et atelier</legend>
          <label htmlFor="create-project">Projet numérique</label>
          <input id="create-project" value={project} maxLength={200} placeholder="DUI, messagerie sécurisée…" onChange={(e) => setProject(e.target.value)} />
          <label htmlFor="create-status">Statut du projet</label>
          <select id="create-status" value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus | '')}>
            <option value="">Non précisé</option>
            {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{PROJECT_STATUS_LABELS[s]}</option>)}
          </select>
          <label htmlFor="create-date">Date de l'atelier</label>
          <input id="create-date" type="date" value={date} min="1000-01-01" max="2999-12-31" onChange={(e) => setDate(e.target.value)} />
          <label htmlFor="create-facilitator">Animation (consultant·e Aract)</label>
          <input id="create-facilitator" value={facilitator} maxLength={200} onChange={(e) => setFacilitator(e.target.value)} />
        </fieldset>

        <CollectiveFields
          draft={collective}
          known={collectives}
          error={collectiveError}
          onChange={(d) => {
            setCollective(d);
            setCollectiveError(null);
          }}
        />

        <fieldset>
          <legend>Trinôme</legend>
          {TRINOME_ROLES.map((role) => (
            <div key={role} className="trinome-row">
              <span className="trinome-role">{TRINOME_ROLE_LABELS[role]}</span>
              <input
                aria-label={`Nom (${TRINOME_ROLE_LABELS[role]})`}
                placeholder="Nom"
                value={trinome[role].name}
                maxLength={200}
                onChange={(e) => member(role, 'name', e.target.value)}
              />
              <input
                aria-label={`Fonction (${TRINOME_ROLE_LABELS[role]})`}
                placeholder="Fonction"
                value={trinome[role].position}
                maxLength={200}
                onChange={(e) => member(role, 'position', e.target.value)}
              />
            </div>
          ))}
        </fieldset>

        <div className="actions">
          <button type="button" onClick={onCancel}>Annuler</button>
          <button type="submit" className="primary" disabled={busy}>Créer</button>
        </div>
      </form>
    </Modal>
  );
}
