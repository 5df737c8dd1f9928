import { can, err, type Result } from '@waymark/core';
import { BIA_SECTIONS, type Bia, type BiaContent, type BiaContentUpdate } from '@waymark/contracts';
import { sealBiaContent } from '../../crypto/bia-content-sealing';
import { writeAudit } from '../../db/audit';
import { findBiaForUpdate, writeBiaContentAtVersion } from '../../db/children-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { requireKeyRing } from '../protection-notes/note-sealing';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { presentBiaFor } from './bia-content';
import { findChild } from './child-subject';

/**
 * Writes the sections of an open BIA (UNHCR's BIA form: situation and care, protection
 * concerns, the child's views, needs, recommended actions) at the version read. The whole
 * content is replaced and sealed; without a key ring nothing is written. The audit row
 * names which sections hold words, never the words.
 */
export async function writeBiaContent(ctx: UseCaseContext, id: string, input: BiaContentUpdate): Promise<Result<Bia, Failure>> {
  if (!can(ctx.actor, 'child.assess')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<Bia, Failure>> => {
    const current = await findBiaForUpdate(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    const found = await findChild(tx, ctx.actor, current.person_id, 'child.assess');
    if (!found.ok) return found;
    const live = refuseIfAnonymised(found.value);
    if (!live.ok) return live;
    if (current.version !== input.version) return err(failure('version_conflict', `the assessment is at version ${current.version}; reload and reapply your change`));
    if (current.completed_at !== null) return err(failure('illegal_transition', 'a completed assessment is not rewritten; open a new one'));
    const ring = requireKeyRing(ctx.keyRing);
    if (!ring.ok) return ring;
    const content = Object.fromEntries(BIA_SECTIONS.map((section) => [section, input[section] ? input[section] : null])) as BiaContent;
    const updated = await writeBiaContentAtVersion(tx, { operationId: current.operation_id, id, version: input.version }, sealBiaContent(ring.value, current, content), ctx.actor.userId, now);
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'child.bia_content',
      resourceType: 'person',
      resourceId: current.person_id,
      details: { biaId: id, version: updated.version, sections: BIA_SECTIONS.filter((section) => content[section] !== null).join(',') },
      at: now,
    });
    return presentBiaFor(ring.value, updated, { actor: ctx.actor, child: recordRef(found.value) });
  });
}
