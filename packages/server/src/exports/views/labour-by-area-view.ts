import { ok } from '@waymark/core';
import { LabourByAreaQuerySchema } from '@waymark/contracts';
import { labourByArea } from '../../use-cases/labour/labour-by-area';
import { defineView } from '../aggregate-view';

/**
 * The labour layer's table: workplaces per area by sector and by ILO indicator reported,
 * and people linked. The use case builds the protected table with its hashtags; informants
 * never reach it.
 */
export const labourByAreaView = defineView({
  id: 'labour-by-area',
  title: 'Workplaces, sectors and ILO indicators by admin area',
  verb: 'aggregate.read',
  params: LabourByAreaQuerySchema,
  operationParam: 'operationId',
  async produce(ctx, params) {
    const report = await labourByArea(ctx, params.operationId);
    return report.ok ? ok(report.value.table) : report;
  },
});
