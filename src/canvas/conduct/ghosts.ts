/** Model → React Flow for the missing steps (domain/gaps.ts) drawn on the conduct map. */
import type { Node } from '@xyflow/react';
import type { GapRule, StepKind } from '../../domain/enums';
import type { Gap } from '../../domain/gaps';
import type { GhostBox } from '../../domain/layout/ghosts';
import type { Lane } from '../../domain/types';
import { gapAriaLabel } from '../../i18n/gaps';
import { knownSize } from '../knownSize';

export interface GhostNodeData extends Record<string, unknown> {
  rule: GapRule;
  kind: StepKind;
  box: GhostBox;
}
export type GhostNodeType = Node<GhostNodeData, 'ghost'>;

/** The node id of a missing step: selected like a step, never saved. */
export const ghostNodeId = (rule: GapRule) => `gap:${rule}`;
export const ruleOfNode = (id: string): GapRule | null => (id.startsWith('gap:') ? (id.slice(4) as GapRule) : null);

/** One node per ghost box: selectable, never dragged nor linked. */
export function buildGhostNodes(gaps: readonly Gap[], boxes: readonly GhostBox[], lanes: readonly Lane[], selected: ReadonlySet<string>): GhostNodeType[] {
  return boxes.map((box) => {
    const gap = gaps.find((g) => g.rule === box.rule)!;
    const id = ghostNodeId(box.rule);
    return {
      id,
      type: 'ghost',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      ...knownSize(box.width, box.height, []),
      draggable: false,
      connectable: false,
      selected: selected.has(id),
      ariaLabel: gapAriaLabel(box.rule, lanes.find((l) => l.id === box.laneId)?.label),
      data: { rule: box.rule, kind: gap.kind, box },
    };
  });
}
