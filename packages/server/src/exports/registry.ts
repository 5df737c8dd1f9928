import type { AggregateView } from './aggregate-view';
import { labourByAreaView } from './views/labour-by-area-view';
import { populationView } from './views/population-view';
import { programmeCoverageView } from './views/programme-coverage-view';
import { riskByAreaView } from './views/risk-by-area-view';

/**
 * Every aggregate view that can be exported. A new aggregate screen adds one small adapter
 * in views/ and a line here; the route, the CLI and the web's ExportButtons need nothing else.
 */
export const AGGREGATE_VIEWS: readonly AggregateView[] = [riskByAreaView, populationView, labourByAreaView, programmeCoverageView];

export const findView = (id: string): AggregateView | undefined => AGGREGATE_VIEWS.find((view) => view.id === id);
