-- Two things the case work lacked (issue 4): a task's sensitive topic, and sealing at rest
-- of the most sensitive case-work text.

-- A task copied from a screening's recommended action says what a highly sensitive section
-- answered ("GBV case management"): it carries that section's topic, and a case reader
-- without clearance for it (or the need to know of the assigned worker) sees a placeholder.
-- Null: an ordinary task every case reader sees.
alter table case_tasks add column topic text
  check (topic is null or topic in ('sgbv', 'trafficking', 'health', 'child_protection'));

-- The child's own words in a BID (their reasons for disagreeing, or the note on why they
-- could not be heard) are sealed with the key ring like protection notes: the column holds
-- `v1:<key>:<iv>:<ciphertext>` (src/crypto/seal.ts), longer than the 2,000 characters the
-- API accepts in clear, so the length is checked before sealing instead. Rows written
-- before this migration stay readable and are sealed by `waymark keys rotate`.
alter table best_interests_determinations drop constraint if exists best_interests_determinations_child_views_text_check;

-- A trafficking assessment's input (acts, means, purposes, indicators with their evidence
-- notes) and findings (the elements as judged and the reasoning in words) are sealed
-- together in `sealed`; the clear columns stay only for rows from before this migration,
-- until `waymark keys rotate` seals them. The outcome and reason keys stay in clear: every
-- case reader sees the outcome, so that protection follows.
alter table trafficking_assessments add column sealed text;
alter table trafficking_assessments alter column input drop not null;
alter table trafficking_assessments alter column findings drop not null;
alter table trafficking_assessments add constraint trafficking_assessments_sealed_or_clear
  check ((sealed is not null and input is null and findings is null) or (sealed is null and input is not null and findings is not null));
