import type { AriaLabelConfig, ReactFlowProps } from '@xyflow/react';

/** React Flow names the arrow key's direction in English (`up`, `left`…). */
const DIRECTIONS: Record<string, string> = {
  up: 'vers le haut',
  down: 'vers le bas',
  left: 'vers la gauche',
  right: 'vers la droite',
};

/** What a screen reader hears after an item of a map is moved with an arrow key. */
export const movedMessage = ({ direction, x, y }: { direction: string; x: number; y: number }): string =>
  `Élément déplacé ${DIRECTIONS[direction] ?? ''}, position x ${Math.round(x)}, y ${Math.round(y)}`.replace('  ', ' ');

/** React Flow's built-in accessible texts, in French. */
export const flowAriaLabels: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner. Appuyez sur Suppr pour supprimer. Échap pour désélectionner.',
  'node.a11yDescription.keyboardDisabled': 'Appuyez sur Entrée ou Espace pour sélectionner. Échap pour désélectionner.',
  'node.a11yDescription.ariaLiveMessage': movedMessage,
  'edge.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner ce lien. Suppr pour le supprimer. Échap pour désélectionner.',
  'controls.ariaLabel': 'Commandes de la carte',
  'controls.zoomIn.ariaLabel': 'Zoom avant',
  'controls.zoomOut.ariaLabel': 'Zoom arrière',
  'controls.fitView.ariaLabel': 'Tout afficher',
  'controls.interactive.ariaLabel': 'Verrouiller ou déverrouiller',
  'minimap.ariaLabel': 'Mini-carte',
  'handle.ariaLabel': 'Point de connexion',
};

/**
 * What both maps share: the app handles Suppr and selection keys itself (one command each),
 * the same zoom range, French labels, no attribution badge.
 */
export const MAP_FLOW_PROPS = {
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: ['Control', 'Meta', 'Shift'],
  fitView: true,
  minZoom: 0.1,
  maxZoom: 2.5,
  ariaLabelConfig: flowAriaLabels,
  proOptions: { hideAttribution: true },
} satisfies Partial<ReactFlowProps>;
