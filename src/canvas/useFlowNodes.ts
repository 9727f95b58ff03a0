/**
 * The nodes React Flow shows: the model's nodes (rebuilt by the adapters, reused while their
 * inputs are unchanged) plus what React Flow itself changes between two edits (drag positions,
 * measured sizes). When the model's nodes change, only the nodes that changed are replaced, so
 * React Flow re-adopts and re-measures one node after an edit, not every node of the map.
 */
import { applyNodeChanges, type Node, type NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';

/**
 * The shown nodes after the model's nodes went from `previousBase` to `base`: a node the model did
 * not change keeps its shown version (its drag position, its measured size); a changed node is
 * the model's, with the size React Flow measured last (it measures it again if that changed).
 */
export function mergeNodes<N extends Node>(base: readonly N[], previousBase: readonly N[], shown: readonly N[]): N[] {
  const before = new Map(previousBase.map((n) => [n.id, n]));
  const current = new Map(shown.map((n) => [n.id, n]));
  return base.map((n) => {
    const old = current.get(n.id);
    if (!old) return n;
    if (before.get(n.id) === n) return old;
    return old.measured && !n.measured ? { ...n, measured: old.measured } : n;
  });
}

interface State<N> {
  base: readonly N[];
  nodes: N[];
}

export function useFlowNodes<N extends Node>(base: readonly N[]) {
  const [state, setState] = useState<State<N>>(() => ({ base, nodes: [...base] }));
  let nodes = state.nodes;
  if (state.base !== base) {
    // Derived during render (not in an effect): the map is drawn once per edit, not twice.
    nodes = mergeNodes(base, state.base, state.nodes);
    setState({ base, nodes });
  }

  /** Applies React Flow's own changes (positions while dragging, sizes) to the shown nodes. */
  const applyChanges = useCallback((changes: NodeChange<N>[]) => {
    setState((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }));
  }, []);

  /** Puts these nodes back where the model says (a drag that changed nothing). */
  const reset = useCallback((ids: readonly string[]) => {
    const dropped = new Set(ids);
    setState((s) => ({ ...s, nodes: mergeNodes(s.base, s.base.filter((n) => !dropped.has(n.id)), s.nodes) }));
  }, []);

  return { nodes, applyChanges, reset };
}
