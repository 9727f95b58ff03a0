/** Where actors stand on the actor map: the map, its images and its slides all place them so. */
import type { Actor } from '../types';

/** Where an actor without a saved position goes: a grid, in order. */
export function defaultActorPosition(index: number): { x: number; y: number } {
  return { x: 80 + (index % 4) * 300, y: 80 + Math.floor(index / 4) * 180 };
}

/** Where the actor of rank `index` stands: its saved position, or the grid's. */
export const actorPosition = (actor: Actor, index: number): { x: number; y: number } => actor.position ?? defaultActorPosition(index);
