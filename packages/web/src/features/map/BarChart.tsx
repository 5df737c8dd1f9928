import { useTranslation } from 'react-i18next';

export interface Bar {
  key: string;
  label: string;
  /** null: withheld by core/disclosure, drawn hatched with "<k", never as 0. */
  value: number | null;
}

/** Horizontal bars in plain SVG; the same numbers are always in a table beside it. */
export function BarChart({ bars, k, label, format }: { bars: readonly Bar[]; k: number; label: string; format: (n: number) => string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const row = 26;
  const labelWidth = 170;
  const width = 520;
  const barSpace = width - labelWidth - 70;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${bars.length * row + 8}`} role="img" aria-label={label} data-testid="bar-chart">
      {bars.map((bar, i) => {
        const y = 4 + i * row;
        const w = bar.value === null ? 18 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barSpace);
        const text = bar.value === null ? t('reports.suppressed', { k }) : format(bar.value);
        return (
          <g key={bar.key}>
            <text x={labelWidth - 8} y={y + row / 2 + 4} textAnchor="end" className="bar-label">{bar.label}</text>
            <rect x={labelWidth} y={y + 3} width={w} height={row - 8} fill={bar.value === null ? 'url(#bar-suppressed)' : 'var(--accent, #1f5f8b)'} data-suppressed={bar.value === null || undefined} />
            <text x={labelWidth + w + 6} y={y + row / 2 + 4} className="bar-value">{text}</text>
          </g>
        );
      })}
      <defs>
        <pattern id="bar-suppressed" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f3f4f6" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
}
