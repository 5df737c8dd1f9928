-- The BIA gets its content (issue 13 §1): the sections of UNHCR's BIA form (domain.md §4) —
-- the child's situation and care, protection concerns, the child's views, needs and
-- recommended actions — written while the assessment is open.
--
-- All five are sealed together with the key ring (src/crypto/seal.ts envelopes), bound to
-- the row and the child like a BID's child views; the presenter then shows each section
-- to whom the field registry allows (protection concerns and the child's views are child-
-- protection content, highly sensitive). Declared for key rotation as migration 0031 asks.

alter table best_interests_assessments add column content_sealed text;
alter table best_interests_assessments add column content_updated_at timestamptz;
alter table best_interests_assessments add column content_updated_by uuid;

comment on column best_interests_assessments.content_sealed is 'sealed: the sections of a BIA (situation and care, protection concerns, the child''s views, needs, recommended actions)';
select watch_sealed_column('best_interests_assessments', 'content_sealed');
