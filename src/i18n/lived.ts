/** Use and feedback in words, for the maps' names, badges and legends (format 2, issue 22). */
import type { Actor, Relation } from '../domain/types';
import { ANSWER_LABELS, CHANNEL_LABELS, FORMALITY_LABELS, NON_USAGE_LABELS, USAGE_LABELS } from './labels';

/** `Non-utilisateur·rice (déçu·e)`, `Usage partiel`, or '' when the use is not said. */
export function usageWords(actor: Pick<Actor, 'usage' | 'nonUsage'>): string {
  if (!actor.usage) return '';
  const reason = actor.usage === 'non-utilisateur' && actor.nonUsage ? ` (${NON_USAGE_LABELS[actor.nonUsage].toLowerCase()})` : '';
  return `${USAGE_LABELS[actor.usage]}${reason}`;
}

/** The short badge of an actor's use on the map: `Non-usage`, `Usage partiel`, or null. */
export function usageBadge(actor: Pick<Actor, 'usage' | 'nonUsage'>): string | null {
  if (actor.usage === 'non-utilisateur') return actor.nonUsage ? `Non-usage : ${NON_USAGE_LABELS[actor.nonUsage].toLowerCase()}` : 'Non-usage';
  if (actor.usage === 'partiel') return 'Usage partiel';
  return null;
}

/** How a relation goes and what came back, as read out: `canal Téléphone, observée (informelle), suite donnée : Sans réponse`. */
export function relationDetails(relation: Pick<Relation, 'channel' | 'formality' | 'answer' | 'kind'>): string {
  return [
    relation.channel ? `canal ${CHANNEL_LABELS[relation.channel]}` : '',
    relation.formality ? FORMALITY_LABELS[relation.formality].toLowerCase() : '',
    relation.kind === 'remonte' && relation.answer ? `suite donnée : ${ANSWER_LABELS[relation.answer]}` : '',
  ].filter(Boolean).join(', ');
}
