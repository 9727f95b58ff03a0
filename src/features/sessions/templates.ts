/**
 * Templates for a new session: empty, the lanes of a typical project (with the actors they
 * stand for), or the DUI example of the national exploration report (loaded on demand).
 */
import { validateSessionFile } from '../../domain/format/file';
import type { ActorCategory } from '../../domain/enums';
import type { Actor, Lane, Session } from '../../domain/types';

export const TEMPLATES = [
  { id: 'vide', label: 'Vide' },
  { id: 'projet-type', label: "Couloirs d'un projet type" },
  { id: 'exemple-dui', label: "Exemple du rapport : DUI d'un groupement médico-social" },
] as const;
export type TemplateId = (typeof TEMPLATES)[number]['id'];

const TYPICAL: [string, string, ActorCategory][] = [
  ['direction', 'Direction', 'direction'],
  ['dsi', 'DSI', 'dsi'],
  ['representants', 'Représentant·es du personnel', 'representants-personnel'],
  ['encadrement', 'Encadrement', 'encadrement'],
  ['referents', 'Référent·es', 'referents'],
  ['professionnels', 'Professionnel·les', 'professionnels'],
  ['editeur', 'Éditeur', 'editeur'],
  ['financeur', 'Financeur', 'acteur-regional'],
];

export function typicalProject(): { lanes: Lane[]; actors: Actor[] } {
  return {
    lanes: TYPICAL.map(([id, label]) => ({ id: `couloir-${id}`, label, actorId: `acteur-${id}` })),
    actors: TYPICAL.map(([id, label, category], i) => ({
      id: `acteur-${id}`,
      name: label,
      category,
      position: { x: 80 + (i % 4) * 300, y: 80 + Math.floor(i / 4) * 220 },
    })),
  };
}

/** Fills a new session with a template's content; the user's own fields win where given. */
export async function applyTemplate(session: Session, template: TemplateId): Promise<Session> {
  if (template === 'vide') return session;
  if (template === 'projet-type') return { ...session, ...typicalProject() };
  const raw: unknown = (await import('./templates/dui-groupement.json')).default;
  const parsed = validateSessionFile(raw);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const example = parsed.value.session;
  return {
    ...session,
    establishment: session.establishment.name ? session.establishment : example.establishment,
    project: session.project.name ? session.project : example.project,
    trinome: session.trinome.length > 0 ? session.trinome : example.trinome,
    timeline: example.timeline,
    lanes: example.lanes,
    actors: example.actors,
    steps: example.steps,
    links: example.links,
    relations: example.relations,
    notes: example.notes,
  };
}
