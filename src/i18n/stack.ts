/** French words of the stack of temporalities: the institutional events' kinds, their colours, the periods. */
import type { InstitutionalEventKind } from '../domain/enums';
import { formatPartialDate } from './dates';

export const INSTITUTIONAL_EVENT_KIND_LABELS: Record<InstitutionalEventKind, string> = {
  'appel-a-projets': 'Appel à projets',
  comite: 'Comité, commission',
  certification: 'Certification',
  'echeance-reglementaire': 'Échéance réglementaire',
  autre: 'Autre événement',
};

/** Each kind its colour and its mark's shape, so that they read apart in black and white too. */
export const INSTITUTIONAL_EVENT_VISUALS: Record<InstitutionalEventKind, { color: string; shape: 'diamond' | 'square' | 'triangle' | 'star' | 'circle' }> = {
  'appel-a-projets': { color: '#b45309', shape: 'diamond' },
  comite: { color: '#1d4ed8', shape: 'square' },
  certification: { color: '#047857', shape: 'star' },
  'echeance-reglementaire': { color: '#b91c1c', shape: 'triangle' },
  autre: { color: '#4b5563', shape: 'circle' },
};

/** `2022` → `2022 (dans l'année)`, `2022-04` → `avril 2022`: a period of the table of what is piled. */
export function periodLabel(period: string): string {
  return period.length === 4 ? `${period} (date à l'année près)` : formatPartialDate(period);
}
