import { RiskByAreaSchema, type RiskByArea } from '@waymark/contracts';
import { request } from './client';

export const riskByArea = (): Promise<RiskByArea> => request('GET', '/reports/risk-by-area', { schema: RiskByAreaSchema });
