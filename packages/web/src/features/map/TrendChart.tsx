import { RISK_LEVELS } from '@waymark/core';
import type { AggregateTable } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';

const LEVEL_COLOURS: Record<string, string> = { low: '#9cc3a6', medium: '#f2c14e', high: '#e07a3f', critical: '#b3261e' };

/**
 * Screenings per month as stacked columns by the level found. A month with a withheld cell
 * shows its total only (hatched where that is withheld too): a stack with a gap would
 * invite guessing the hidden part.
 */
export function TrendChart({ table, label }: { table: AggregateTable; label: string }) {
  const { t } = useTranslation();
  const rows = table.rows;
  const width = Math.max(320, rows.length * 56 + 60);
  const height = 220;
  // Room above the tallest column for its total.
  const plot = height - 56;
  const max = Math.max(1, ...rows.map((row) => row.total ?? 0));
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="trend-chart">
      <defs>
        <pattern id="trend-suppressed" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f3f4f6" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
        </pattern>
      </defs>
      <line x1={40} x2={width - 10} y1={plot + 10} y2={plot + 10} stroke="#9ca3af" />
      {rows.map((row, i) => {
        const x = 50 + i * 56;
        const whole = row.cells.every((cell) => cell !== null);
        if (row.total === null) {
          return (
            <g key={row.key}>
              <rect x={x} y={plot - 10} width={36} height={20} fill="url(#trend-suppressed)" />
              <text x={x + 18} y={plot + 26} textAnchor="middle" className="bar-label">{row.key}</text>
            </g>
          );
        }
        let top = plot + 10;
        const segments = whole
          ? RISK_LEVELS.map((level, j) => ({ level, n: row.cells[j] ?? 0 }))
          : [{ level: 'all', n: row.total }];
        return (
          <g key={row.key}>
            {segments.map((segment) => {
              const h = (segment.n / max) * (plot - 10);
              top -= h;
              return <rect key={segment.level} x={x} y={top} width={36} height={h} fill={LEVEL_COLOURS[segment.level] ?? '#6b7280'}><title>{`${row.key} ${segment.level === 'all' ? '' : t(`risk.${segment.level}`)} ${segment.n}`}</title></rect>;
            })}
            <text x={x + 18} y={top - 4} textAnchor="middle" className="bar-value">{row.total}</text>
            <text x={x + 18} y={plot + 26} textAnchor="middle" className="bar-label">{row.key}</text>
          </g>
        );
      })}
    </svg>
  );
}
