-- What highly sensitive answers raise is sealed like the answers (issue 12 §1).
--
-- Screenings need no new column: from this release the clear `outcome` of a screening with
-- a sealed part is the screening as if its highly sensitive items had not been asked, and
-- the sealed part (format 2) holds the overrides, levels, scores and compounding as scored
-- (core/scoring/split-sensitive.ts; `outcome ? 'sealedFormat'` marks such rows). A migration
-- cannot seal without the key ring, so screenings written before this release (format 1:
-- the override ids and levels in clear) are split again by `waymark keys rotate`, which
-- already seals what earlier databases held in clear; until then the server shows them to
-- uncleared readers as every other screening, working the view out in memory.
--
-- A task copied from a screening's action with a highly sensitive topic holds its title and
-- the action's id sealed in `title` (an envelope, longer than the 500 characters a title may
-- have in clear, which the use case checks before sealing); `created_from` stays null.
-- Tasks from before this release are sealed by `waymark keys rotate` as well.
alter table case_tasks drop constraint if exists case_tasks_title_check;
alter table case_tasks add constraint case_tasks_title_check check (length(title) >= 1);
