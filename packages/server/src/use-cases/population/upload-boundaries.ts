import { areaCodesIn, assignParents, can, canInOperation, err, holdsAny, ok, readBoundaries, type Result } from '@waymark/core';
import type { BoundaryUpload, BoundaryUploadResult } from '@waymark/contracts';
import { areaCodesInUse, listShapesOfLevel, replaceAdminAreasOfLevel, setParents } from '../../db/admin-areas-repository';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * An operation loads its own boundaries, one admin level per file. The file must be valid
 * GeoJSON (400 with the JSON Pointer of the first faults, under /geojson) and its codes must
 * mean something here: at least one a site's or a person's area, or the file is the level
 * above areas already loaded (which then take their parents from it by interior point, so at
 * least one of them must lie inside its shapes). Otherwise 422: a file keyed on the wrong
 * property would draw a map of nobody, and one of another country would file every district
 * under whichever of its provinces happened to be nearest.
 */
export async function uploadBoundaries(ctx: UseCaseContext, operationId: string, input: BoundaryUpload): Promise<Result<BoundaryUploadResult, Failure>> {
  if (!can(ctx.actor, 'aggregate.manage')) return err(failure('forbidden'));
  if (!canInOperation(ctx.actor, 'aggregate.manage', operationId)) return err(failure('not_found'));
  const read = readBoundaries(input.geojson, input.codeProperty, input.nameProperty);
  if (!read.ok && read.error.every((problem) => problem.code === 'invalid_area_code')) {
    const codes = areaCodesIn(input.geojson, input.codeProperty);
    if (codes.length === 0 || (await areaCodesInUse(ctx.db, operationId, codes)).size === 0) return err(unmatched(input.codeProperty, read.error.length + codes.length));
  }
  if (!read.ok) {
    return err(
      failure(
        'validation_failed',
        undefined,
        read.error.map((problem) => ({ path: `/geojson${problem.path}`, code: problem.code, message: problem.code.replace(/_/g, ' ') })),
      ),
    );
  }
  const features = read.value;
  return transact(ctx.db, async (tx) => {
    const [matched, above, below] = await Promise.all([
      areaCodesInUse(tx, operationId, features.map((f) => f.code)),
      input.level > 1 ? listShapesOfLevel(tx, operationId, input.level - 1) : Promise.resolve([]),
      listShapesOfLevel(tx, operationId, input.level + 1),
    ]);
    if (matched.size === 0 && below.length === 0) return err(unmatched(input.codeProperty, features.length));
    if (matched.size === 0 && !holdsAny(features, below)) {
      return err(failure('boundary_areas_outside', `none of the ${below.length} areas of level ${input.level + 1} lies inside this file's shapes`, [
        { path: '/geojson', code: 'boundary_areas_outside', message: 'no area below lies inside' },
      ]));
    }
    const parents = above.length > 0 ? assignParents(features, above) : new Map<string, string | null>();
    await replaceAdminAreasOfLevel(
      tx,
      operationId,
      input.level,
      features.map((f) => ({ code: f.code, level: input.level, name: f.name, parentCode: parents.get(f.code) ?? null, geometry: f.geometry })),
      input.source,
      ctx.actor.userId,
    );
    const reparented = below.length > 0 ? assignParents(below, features) : new Map<string, string | null>();
    await setParents(tx, operationId, reparented);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'boundaries.upload',
      resourceType: 'operation',
      resourceId: operationId,
      details: { level: input.level, areas: features.length, matched: matched.size, reparented: reparented.size },
    });
    return ok({ level: input.level, areas: features.length, matched: matched.size, reparented: reparented.size });
  });
}

/** A file none of whose codes is anyone's (or is a code at all): keyed on the wrong property, most likely. */
const unmatched = (codeProperty: string, count: number): Failure =>
  failure('boundary_codes_unmatched', `none of the ${count} codes in "${codeProperty}" is used by a site or a person of this operation`, [
    { path: '/codeProperty', code: 'boundary_codes_unmatched', message: 'no code matches' },
  ]);
