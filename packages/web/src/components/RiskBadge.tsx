import type { RiskLevel } from '@waymark/core';
import { useTranslation } from 'react-i18next';

const SYMBOL: Record<RiskLevel | 'none', string> = { none: '○', low: '●', medium: '▲', high: '◆', critical: '■' };

/** Colour plus a shape plus words: the level must read without colour. */
export function RiskBadge({ level, testId }: { level: RiskLevel | null; testId?: string }) {
  const { t } = useTranslation();
  const key = level ?? 'none';
  return (
    <span className={`risk-badge risk-${key}`} data-level={key} data-testid={testId}>
      <span aria-hidden="true" className="risk-symbol">{SYMBOL[key]}</span>
      {t(`risk.${key}`)}
    </span>
  );
}
