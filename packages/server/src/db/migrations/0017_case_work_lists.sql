-- Indexes for the lists measured by `npm run bench` over 100,000 open cases (docs/PERFORMANCE.md).

-- Closure requests waiting for a supervisor, oldest first: a few hundred rows among 100,000
-- open cases, which a scan of every case found in time proportional to all of them.
create index cases_closure_requests_idx on cases (operation_id, closure_requested_at, id)
  where closure_requested_at is not null and status <> 'closed';

-- "High or critical" for an agency-scoped worker: the risk index leads with the operation,
-- so the agency was a filter on the heap and the capped count (10,000 rows) read the table.
-- With the agency in the key the list and its count are answered from the index alone.
create index persons_agency_risk_idx on persons (operation_id, agency_id, risk_rank desc nulls last, created_at desc, id);
