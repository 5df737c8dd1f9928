-- Issue 13 §3: a household change that leaves a child with no adult (a child removed on
-- their own, or split off into a household without one) is flagged to child protection on
-- the history line itself, so the flag outlives the household's later changes.
alter table household_changes add column child_without_adult boolean not null default false;
