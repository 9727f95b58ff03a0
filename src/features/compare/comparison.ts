/** The comparison of establishments: the Synthèse figures of 2 to 6 sessions side by side. */
import { synthesisFacts } from '../../domain/synthesis';
import type { Session } from '../../domain/types';
import { SVG_FONT, wrapText, textLines } from '../../render/svgText';
import { formatNumber, NNBSP } from '../../i18n/format';
import { MATURITY_DOMAINS, TRINOME_ROLES } from '../../domain/enums';
import { divergences, objectiveFacts } from '../../domain/viewpoints';
import { MATURITY_DOMAIN_SHORT } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';

/** The viewpoints of each session (issue 23): objectives, divergences, and per domain the three ratings once revealed. */
function viewpointRows(sessions: readonly Session[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [
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
  if (!sessions.some((x) => x.viewpoints?.revealed && x.viewpoints.maturity)) return rows;
  for (const domain of MATURITY_DOMAINS) {
    rows.push({
      label: `Maturité : ${MATURITY_DOMAIN_SHORT[domain]}`,
      values: sessions.map((x) => {
        const vp = x.viewpoints;
        if (!vp?.revealed || !vp.maturity) return '—';
        const r = vp.maturity[domain] ?? {};
        return TRINOME_ROLES.map((role) => `${AUTHOR_ROLE_VISUALS[role].short} ${r[role] === undefined ? '–' : r[role] === 'nsp' ? 'NSP' : r[role]}`).join(' · ');
      }),
    });
  }
  return rows;
}

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

/** The comparison table as an SVG, for a slide-ready PNG. */
export function comparisonSvg(sessions: readonly Session[]): { svg: string; width: number; height: number } {
  const rows = comparisonRows(sessions);
  const labelWidth = 420;
  const colWidth = 260;
  const width = labelWidth + colWidth * sessions.length + 80;
  const rowHeight = 56;
  const top = 150;
  const height = top + rowHeight * rows.length + 60;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${width}" height="80" fill="#1f4e79"/>`,
    `<text x="40" y="50" font-size="28" font-weight="bold" fill="#ffffff">Comparaison des établissements</text>`,
  ];
  sessions.forEach((s, i) => {
    out.push(textLines(wrapText(s.title, 16, colWidth - 20, 2), 40 + labelWidth + i * colWidth + 10, 110, 16, 'font-weight="bold" fill="#1f4e79"'));
  });
  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    out.push(`<rect x="40" y="${y}" width="${width - 80}" height="${rowHeight}" fill="${r % 2 ? '#f1f5f9' : '#ffffff'}" stroke="#cbd5e1"/>`);
    out.push(textLines(wrapText(row.label, 16, labelWidth - 20, 2), 50, y + 24, 16, 'font-weight="bold" fill="#0f172a"'));
    row.values.forEach((v, i) => out.push(textLines(wrapText(v, 16, colWidth - 20, 2), 40 + labelWidth + i * colWidth + 10, y + 24, 16, 'fill="#0f172a"')));
  });
  out.push('</svg>');
  return { svg: out.join(''), width, height };
}

