/** The comparison of establishments: the Synthèse figures of 2 to 6 sessions side by side. */
import { synthesisFacts } from '../../domain/synthesis';
import type { Session } from '../../domain/types';
import { formatNumber, NBSP, NNBSP } from '../../i18n/format';
import { TRINOME_ROLES, type MaturityDomain } from '../../domain/enums';
import { divergences, maturitySpread, objectiveFacts } from '../../domain/viewpoints';
import { MATURITY_DOMAIN_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';

/** The viewpoints of each session (issue 23): objectives, and divergences once revealed (a hidden grid stays secret). */
function viewpointRows(sessions: readonly Session[]): ComparisonRow[] {
  return [
    {
      label: "Objectifs partagés / d'un seul regard",
      values: sessions.map((x) => {
        if (!x.viewpoints?.objectives.length) return '—';
        const f = objectiveFacts(x.viewpoints);
        return `${formatNumber(f.shared.length)} / ${formatNumber(f.single.length)}`;
      }),
    },
    {
      label: 'Divergences de maturité (2 points ou plus)',
      values: sessions.map((x) => (!x.viewpoints?.maturity ? '—' : x.viewpoints.revealed ? formatNumber(divergences(x.viewpoints.maturity).length) : 'notes non révélées')),
    },
  ];
}

const level = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export interface MaturityComparisonRow {
  domain: MaturityDomain;
  label: string;
  /** Per session: its level (mean of the roles) and the three ratings, or why there is none. */
  cells: { level: string; detail: string }[];
  /** Lowest to highest, with who is at each end. */
  spread: string;
}

/** Per maturity domain: each establishment's level and ratings, and the spread across them (who is where). */
export function maturityComparison(sessions: readonly Session[]): MaturityComparisonRow[] {
  const names = (at: number[]) => at.map((i) => sessions[i]!.title).join(', ');
  return maturitySpread(sessions.map((s) => s.viewpoints)).map((d) => {
    const cells = sessions.map((s, i) => {
      const vp = s.viewpoints;
      if (!vp?.maturity) return { level: '—', detail: 'grille non remplie' };
      if (!vp.revealed) return { level: '—', detail: 'notes non révélées' };
      const r = vp.maturity[d.domain] ?? {};
      const detail = TRINOME_ROLES.map((role) => `${AUTHOR_ROLE_VISUALS[role].short} ${r[role] === undefined ? '–' : r[role] === 'nsp' ? 'NSP' : r[role]}`).join(' · ');
      const l = d.levels[i];
      return { level: l === undefined ? 'non noté' : level.format(l), detail };
    });
    let spread = '—';
    if (d.min && d.max) {
      const known = d.levels.filter((l) => l !== undefined).length;
      spread =
        known === 1
          ? `un seul établissement noté (${names(d.min.at)})`
          : d.min.level === d.max.level
            ? `même niveau partout (${level.format(d.min.level)})`
            : `de ${level.format(d.min.level)} (${names(d.min.at)}) à ${level.format(d.max.level)} (${names(d.max.at)})${NBSP}: écart de ${level.format(d.max.level - d.min.level)}`;
    }
    return { domain: d.domain, label: MATURITY_DOMAIN_LABELS[d.domain], cells, spread };
  });
}

/** Whether any of these sessions has a revealed grid (otherwise the maturity table has nothing to say). */
export const anyRevealed = (sessions: readonly Session[]) => sessions.some((s) => s.viewpoints?.revealed && s.viewpoints.maturity);

export interface ComparisonRow {
  label: string;
  values: string[];
}

export function comparisonRows(sessions: readonly Session[]): ComparisonRow[] {
  const s = sessions.map((x) => synthesisFacts(x));
  return [
    { label: 'Établissement', values: sessions.map((x) => x.establishment.name || '—') },
    { label: 'Projet numérique', values: sessions.map((x) => x.project.name || '—') },
    { label: 'Étapes', values: s.map((x) => formatNumber(x.figures.steps)) },
    { label: 'Première participation des utilisateur·rices', values: s.map((x) => (x.figures.firstUserStep ? `étape ${x.figures.firstUserStep}` : 'aucune')) },
    { label: 'Étapes avec les utilisateur·rices', values: s.map((x) => `${formatNumber(x.figures.userShare)}${NNBSP}%`) },
    { label: 'Étapes attestées par des documents', values: s.map((x) => `${formatNumber(x.figures.documentShare)}${NNBSP}%`) },
    { label: 'CSE / IRP associés', values: s.map((x) => (x.figures.staffRepresentativesInvolved ? 'oui' : 'non')) },
    { label: "Étapes d'évaluation", values: s.map((x) => formatNumber(x.figures.evaluationSteps)) },
    { label: 'Acteurs jamais associés', values: s.map((x) => formatNumber(x.figures.uninvolvedActors)) },
    ...viewpointRows(sessions),
  ];
}
