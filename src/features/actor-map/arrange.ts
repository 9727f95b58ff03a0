/**
 * `Ranger par catégorie`: arranges the actors by category with dagre (loaded on demand), categories as
 * clusters and relations as edges. Returns new positions; the caller applies them as one command.
 */
import { ACTOR_CATEGORIES } from '../../domain/enums';
import type { Session } from '../../domain/types';
import { ACTOR_NODE } from '../../canvas/actors/adapter';

export async function arrangeByCategory(session: Pick<Session, 'actors' | 'relations'>): Promise<Map<string, { x: number; y: number }>> {
  const { graphlib, layout } = await import('@dagrejs/dagre');
  const g = new graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of ACTOR_CATEGORIES) if (session.actors.some((a) => a.category === c)) g.setNode(`cat:${c}`, {});
  for (const a of session.actors) {
    g.setNode(a.id, { width: ACTOR_NODE.width, height: ACTOR_NODE.height });
    g.setParent(a.id, `cat:${a.category}`);
  }
  for (const r of session.relations) if (r.from !== r.to) g.setEdge(r.from, r.to, {}, r.id);
  layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const a of session.actors) {
    const n = g.node(a.id) as { x: number; y: number } | undefined;
    if (n) positions.set(a.id, { x: Math.round(n.x - ACTOR_NODE.width / 2), y: Math.round(n.y - ACTOR_NODE.height / 2) });
  }
  return positions;
}
