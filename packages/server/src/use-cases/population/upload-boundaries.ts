import { can, canInOperation, err, ok, type Result } from '@waymark/core';
import type { BoundaryUploadResult } from '@waymark/contracts';
import { openBoundaryWork } from '../../boundary-work/boundary-work';
import {
  areaCodesInUse,
  codesAtOtherLevels,
  listShapeTextsOfLevel,
  lockBoundariesOf,
  replaceAdminAreasOfLevel,
  setParents,
} from '../../db/admin-areas-repository';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** Codes named in a level clash's problem: enough to find the file, not a list of thousands. */
const CLASHES_SHOWN = 20;

/**
 * An operation loads its own boundaries, one admin level per file (the request body, as sent:
 * a worker thread parses and places it, boundary-work). The file must be valid GeoJSON (400
 * with the JSON Pointer of the first faults, under /geojson) and its codes must mean something
 * here: at least one a site's or a person's area, or the file is the level above areas already
 * loaded (which then take their parents from it by interior point, so at least one of them must
 * lie inside its shapes). Otherwise 422: a file keyed on the wrong property would draw a map of
 * nobody, and one of another country would file every district under whichever of its
 * provinces happened to be nearest.
 *
 * A code already loaded at another level is refused (409 boundary_level_clash, each at its
 * feature's code): the same file uploaded at level 1 and then at level 2 used to move its areas
 * down a level with their own old shapes as parents, a cycle that hung every map aggregate
 * (issue 20 §1). Loading the right file for that level first replaces it, and frees the codes.
 */
export async function uploadBoundaries(ctx: UseCaseContext, operationId: string, body: Uint8Array): Promise<Result<BoundaryUploadResult, Failure>> {
  if (!can(ctx.actor, 'aggregate.manage')) return err(failure('forbidden'));
  if (!canInOperation(ctx.actor, 'aggregate.manage', operationId)) return err(failure('not_found'));
  const work = await openBoundaryWork(body);
  try {
    if (!work.read.ok) {
      const codes = work.read.codesIfOnlyBadCodes;
      if (codes && (codes.length === 0 || (await areaCodesInUse(ctx.db, operationId, codes)).size === 0)) {
        return err(unmatched(codes.length));
      }
      return err(work.read.error);
    }
    const { upload, codes } = work.read;
    const level = upload.level;
    return await transact(ctx.db, async (tx) => {
      await lockBoundariesOf(tx, operationId);
      const clashes = await codesAtOtherLevels(tx, operationId, level, codes);
      if (clashes.length > 0) {
        const position = new Map(codes.map((code, index) => [code, index]));
        const at = (code: string) => `/geojson/features/${position.get(code)}/properties/${upload.codeProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        return err(
          failure(
            'boundary_level_clash',
            `${clashes.length} of the file's codes are areas of another level (${[...new Set(clashes.map((c) => c.level))].join(', ')}), not ${level}`,
            clashes.slice(0, CLASHES_SHOWN).map((clash) => ({ path: at(clash.code), code: 'boundary_level_clash', message: `already an area of level ${clash.level}` })),
          ),
        );
      }
      const [matched, above, below] = await Promise.all([
        areaCodesInUse(tx, operationId, codes),
        level > 1 ? listShapeTextsOfLevel(tx, operationId, level - 1) : Promise.resolve([]),
        listShapeTextsOfLevel(tx, operationId, level + 1),
      ]);
      // Once an operation has boundaries, people and sites may only name its areas, so a finer
      // level's codes cannot be anyone's yet: such a file is judged by where its shapes lie
      // (inside the level above, or around the level below) instead of by codes in use.
      if (matched.size === 0 && below.length === 0 && above.length === 0) return err(unmatched(codes.length, upload.codeProperty));
      const placed = await work.place(above, below);
      if (matched.size === 0 && !placed.holdsBelow && !placed.insideAbove) {
        const message = below.length > 0 ? `none of the ${below.length} areas of level ${level + 1} lies inside this file's shapes` : `none of this file's shapes lies inside an area of level ${level - 1}`;
        return err(failure('boundary_areas_outside', message, [{ path: '/geojson', code: 'boundary_areas_outside', message: below.length > 0 ? 'no area below lies inside' : 'no shape lies inside the level above' }]));
      }
      await replaceAdminAreasOfLevel(tx, operationId, level, placed.areas.map((area) => ({ ...area, level })), upload.source, ctx.actor.userId);
      await setParents(tx, operationId, new Map(placed.reparented));
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId,
        action: 'boundaries.upload',
        resourceType: 'operation',
        resourceId: operationId,
        details: { level, areas: codes.length, matched: matched.size, reparented: placed.reparented.length },
      });
      return ok({ level, areas: codes.length, matched: matched.size, reparented: placed.reparented.length });
    });
  } finally {
    await work.close();
  }
}

/** A file none of whose codes is anyone's (or is a code at all): keyed on the wrong property, most likely. */
const unmatched = (count: number, codeProperty = 'the code property'): Failure =>
  failure('boundary_codes_unmatched', `none of the ${count} codes in "${codeProperty}" is used by a site or a person of this operation`, [
    { path: '/codeProperty', code: 'boundary_codes_unmatched', message: 'no code matches' },
  ]);
