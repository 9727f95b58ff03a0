/**
 * The routing question of each map, asked alike by its canvas and by its exports (same boxes,
 * same edges, same label words: same key, one routing).
 */
import type { ConductLayout } from '../../domain/layout/conduct';
import type { GhostBox } from '../../domain/layout/ghosts';
import { actorRouteInput, conductRouteInput } from '../../domain/layout/routeInputs';
import type { RouteInput } from '../../domain/layout/routing';
import { isUnansweredFeedback } from '../../domain/synthesis';
import type { Actor, Link, Relation } from '../../domain/types';
import { ACTOR_NODE, relationLabel } from '../actors/adapter';
import { actorPosition } from '../../domain/layout/actors';

/** The words a relation's edge carries, on the map and in its images. */
export const relationEdgeLabel = (r: Relation): string => (isUnansweredFeedback(r) ? `${relationLabel(r)} · sans suite` : relationLabel(r));

export const conductInput = (layout: ConductLayout, links: readonly Link[], ghosts: readonly GhostBox[] = []): RouteInput => conductRouteInput(layout, links, ghosts);

export const actorInput = (actors: readonly Actor[], relations: readonly Relation[]): RouteInput =>
  actorRouteInput(
    actors.map((a, i) => ({ id: a.id, ...actorPosition(a, i) })),
    ACTOR_NODE,
    relations,
    relationEdgeLabel,
  );
