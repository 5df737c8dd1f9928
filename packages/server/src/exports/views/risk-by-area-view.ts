import { ok, RISK_LEVELS } from '@waymark/core';
import { RiskByAreaQuerySchema } from '@waymark/contracts';
import { riskByArea } from '../../use-cases/reports/risk-by-area';
import { defineView, type ExportColumn } from '../aggregate-view';
import { areaCodeHashtag } from '../hxl';

const LEVEL_LABELS: Record<(typeof RISK_LEVELS)[number], string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk', critical: 'Critical risk' };

/**
 * The reports page's table, column for column: people registered per admin area (#population),
 * those whose current screening puts them at each risk level (#affected+risk_…), and those
 * not yet screened. Same use case as the screen, so the file cannot disagree with it.
 */
export const riskByAreaView = defineView({
  id: 'risk-by-area',
  title: 'People by admin area and risk level',
  verb: 'aggregate.read',
  params: RiskByAreaQuerySchema,
  operationParam: 'operationId',
  async produce(ctx, params) {
    const report = await riskByArea(ctx, params.operationId);
    if (!report.ok) return report;
    const { areas, suppressionThreshold, disclosure } = report.value;
    const columns: ExportColumn[] = [
      { key: 'adminAreaCode', label: 'Admin area code', hxl: areaCodeHashtag(areas.map((area) => area.adminAreaCode)) },
      { key: 'total', label: 'People registered', hxl: '#population+ind+total' },
      ...RISK_LEVELS.map((level) => ({ key: level, label: LEVEL_LABELS[level], hxl: `#affected+ind+risk_${level}` })),
      { key: 'unscreened', label: 'Not screened', hxl: '#population+ind+unscreened' },
    ];
    return ok({
      columns,
      rows: areas.map((area) => [area.adminAreaCode, area.total, ...RISK_LEVELS.map((level) => area.byLevel[level] ?? null), area.byLevel.unscreened ?? null]),
      suppressionThreshold,
      disclosure,
      operationId: params.operationId ?? (ctx.actor.operationIds.length === 1 ? ctx.actor.operationIds[0]! : null),
    });
  },
});
