import type { AriaLabelConfig } from '@xyflow/react';

/** React Flow's built-in accessible texts, in French. */
export const flowAriaLabels: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner. Appuyez sur Suppr pour supprimer. Échap pour désélectionner.',
  'node.a11yDescription.keyboardDisabled': 'Appuyez sur Entrée ou Espace pour sélectionner. Échap pour désélectionner.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => `Élément déplacé vers ${direction}, position x ${x}, y ${y}`,
  'edge.a11yDescription.default': 'Appuyez sur Entrée ou Espace pour sélectionner ce lien. Suppr pour le supprimer. Échap pour désélectionner.',
  'controls.ariaLabel': 'Commandes du plan',
  'controls.zoomIn.ariaLabel': 'Zoom avant',
  'controls.zoomOut.ariaLabel': 'Zoom arrière',
  'controls.fitView.ariaLabel': 'Ajuster à la vue',
  'controls.interactive.ariaLabel': 'Verrouiller ou déverrouiller',
  'minimap.ariaLabel': 'Mini-carte',
  'handle.ariaLabel': 'Point de connexion',
};
