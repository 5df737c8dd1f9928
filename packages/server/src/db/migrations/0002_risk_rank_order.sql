-- The person list filters and sorts by risk rank: "highest risk first" is
-- rank descending with the unscreened last, newest first within a rank.
drop index persons_risk_idx;
create index persons_risk_idx on persons (operation_id, risk_rank desc nulls last, created_at desc, id);
