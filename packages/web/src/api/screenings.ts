import {
  InstrumentDefinitionSchema,
  InstrumentListSchema,
  ScreeningListSchema,
  ScreeningSchema,
  type InstrumentList,
  type Screening,
  type ScreeningList,
  type ScreeningRequest,
} from '@waymark/contracts';
import type { Instrument } from '@waymark/core';
import { queryString, request } from './client';

export const listInstruments = (): Promise<InstrumentList> =>
  request('GET', '/instruments', { schema: InstrumentListSchema });

/** A definition exactly as scored: an older screening is read with the version that made it. */
export const getInstrument = (id: string, version?: number): Promise<Instrument> =>
  request('GET', `/instruments/${encodeURIComponent(id)}${queryString({ version })}`, { schema: InstrumentDefinitionSchema });

export const listScreenings = (personId: string): Promise<ScreeningList> =>
  request('GET', `/persons/${encodeURIComponent(personId)}/screenings`, { schema: ScreeningListSchema });

export const createScreening = (personId: string, input: ScreeningRequest): Promise<Screening> =>
  request('POST', `/persons/${encodeURIComponent(personId)}/screenings`, { body: input, schema: ScreeningSchema });
