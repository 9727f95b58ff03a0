import type { AriaLabelConfig, ReactFlowProps } from '@xyflow/react';

/** React Flow's built-in accessible texts, in French. */
export const flowAriaLabels: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner. Appuyez sur Suppr pour supprimer. Échap pour désélectionner.',
  'node.a11yDescription.keyboardDisabled': 'Appuyez sur Entrée ou Espace pour sélectionner. Échap pour désélectionner.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => `Élément déplacé vers ${direction}, position x ${x}, y ${y}`,
  'edge.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner ce lien. Suppr pour le supprimer. Échap pour désélectionner.',
  'controls.ariaLabel': 'Commandes du plan',
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
