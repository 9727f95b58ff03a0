import type { Session } from '../../domain/types';
import type { comparisonRows } from './comparison';

/** The Synthèse's indicators of several sessions side by side: the comparison's and the projector's table. */
export function IndicatorTable({ sessions, rows }: { sessions: readonly Session[]; rows: ReturnType<typeof comparisonRows> }) {
  return (
    <table className="compare-table">
      <caption>Indicateurs de la synthèse, côte à côte</caption>
      <thead>
        <tr>
          <th scope="col">Indicateur</th>
          {sessions.map((s) => <th key={s.id} scope="col">{s.title}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.values.map((v, i) => <td key={sessions[i]!.id}>{v}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
