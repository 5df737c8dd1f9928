import { SETTINGS } from '@waymark/core';
import { z } from 'zod';
import { areaCode, text } from './common';

const coordinates = {
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
};

/** Both coordinates or neither: a site is placed on the map by a point, or not at all. */
function bothOrNeither(value: { latitude?: number | null; longitude?: number | null }, ctx: z.RefinementCtx): void {
  if (value.latitude === undefined && value.longitude === undefined) return;
  if ((value.latitude ?? null) === null !== ((value.longitude ?? null) === null)) {
    ctx.addIssue({ code: 'custom', path: [value.latitude == null ? 'latitude' : 'longitude'], message: 'give both coordinates or neither' });
  }
}

/** `POST /operations/{id}/sites` (operation-scope administrators). The admin area must be one of the operation's. */
export const SiteCreateSchema = z
  .strictObject({
    code: areaCode(40).min(1),
    name: text(200).min(1),
    setting: z.enum(SETTINGS).nullable().default(null),
    adminAreaCode: areaCode(120).min(1).nullable().default(null),
    latitude: coordinates.latitude.default(null),
    longitude: coordinates.longitude.default(null),
  })
  .superRefine(bothOrNeither);
export type SiteCreate = z.infer<typeof SiteCreateSchema>;

/** `PATCH /sites/{id}`: what changes, and the version read. People already registered keep their own place. */
export const SiteUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    name: text(200).min(1).optional(),
    setting: z.enum(SETTINGS).nullable().optional(),
    adminAreaCode: areaCode(120).min(1).nullable().optional(),
    latitude: coordinates.latitude.optional(),
    longitude: coordinates.longitude.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: [value.latitude === undefined ? 'latitude' : 'longitude'], message: 'change both coordinates together' });
    } else bothOrNeither(value, ctx);
  });
export type SiteUpdate = z.infer<typeof SiteUpdateSchema>;
