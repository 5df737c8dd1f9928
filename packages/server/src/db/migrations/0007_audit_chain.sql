-- Tamper-evident audit trail. Each entry joins a chain (its operation's id, or 'global'
-- for entries outside any operation) at position seq, and stores the SHA-256 of its own
-- canonical bytes, which include the previous entry's hash: editing, removing or
-- reordering an entry breaks the chain where `waymark audit verify` will find it.
-- The application writes the hashes (server/src/db/audit.ts, server/src/audit-hash.ts);
-- this migration seals entries written before the chain existed, computing the very same
-- bytes in SQL. sha256() is built in since PostgreSQL 11, so no extension is needed.

alter table audit_events
  add column chain text,
  add column seq bigint,
  add column prev_hash bytea,
  add column hash bytea,
  -- From where: the client's address as the server saw it, when the entry came from a request.
  add column ip text,
  -- Why: required by some actions (a consent override, an erasure).
  add column reason text,
  -- Refusals are audited too.
  add column outcome text not null default 'allowed' check (outcome in ('allowed', 'refused'));

-- Keys sorted by their UTF-8 bytes, no whitespace: canonicalJson() in audit-hash.ts.
create function audit_canonical_json(value jsonb) returns text
language plpgsql immutable as $$
begin
  case jsonb_typeof(value)
    when 'object' then
      return '{' || coalesce((select string_agg(to_json(key)::text || ':' || audit_canonical_json(member), ',' order by key collate "C")
                                from jsonb_each(value) as m(key, member)), '') || '}';
    when 'array' then
      return '[' || coalesce((select string_agg(audit_canonical_json(element), ',' order by ord)
                                from jsonb_array_elements(value) with ordinality as a(element, ord)), '') || ']';
    when 'number' then
      -- As JavaScript writes numbers: exponent form from 1e21 up and below 1e-6, where
      -- jsonb would print every digit. (Shortest float8 text, with JavaScript's exponent.)
      if abs(value::numeric) >= 1e21 or (value::numeric <> 0 and abs(value::numeric) < 1e-6) then
        return regexp_replace(value::numeric::float8::text, 'e([+-])0*([0-9])', 'e\1\2');
      end if;
      return value::text;
    else
      return value::text;
  end case;
end $$;

-- canonicalEntry() in audit-hash.ts, field for field.
set local extra_float_digits = 1; -- shortest exact float8 text, whatever the server's default
do $$
declare
  entry record;
  current_chain text := null;
  previous bytea := null;
  entry_seq bigint := 0;
  canonical text;
  digest bytea;
begin
  for entry in
    select e.*, coalesce(e.operation_id::text, 'global') as entry_chain
      from audit_events e
     order by coalesce(e.operation_id::text, 'global'), e.id
  loop
    if current_chain is distinct from entry.entry_chain then
      current_chain := entry.entry_chain;
      previous := null;
      entry_seq := 0;
    end if;
    entry_seq := entry_seq + 1;
    canonical := '[' || concat_ws(',',
      to_json('waymark-audit-v1'::text)::text,
      to_json(current_chain)::text,
      entry_seq::text,
      coalesce(to_json(encode(previous, 'hex'))::text, 'null'),
      to_json(to_char(entry.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
      coalesce(to_json(entry.operation_id::text)::text, 'null'),
      coalesce(to_json(entry.actor_id::text)::text, 'null'),
      to_json(entry.action)::text,
      to_json(entry.resource_type)::text,
      coalesce(to_json(entry.resource_id::text)::text, 'null'),
      audit_canonical_json(entry.details),
      'null',
      'null',
      to_json(entry.outcome)::text) || ']';
    digest := sha256(convert_to(canonical, 'UTF8'));
    update audit_events set chain = current_chain, seq = entry_seq, prev_hash = previous, hash = digest where id = entry.id;
    previous := digest;
  end loop;
end $$;

drop function audit_canonical_json(jsonb);

alter table audit_events
  alter column chain set not null,
  alter column seq set not null,
  alter column hash set not null,
  add constraint audit_events_seq_positive check (seq > 0),
  add constraint audit_events_first_has_no_previous check ((seq = 1) = (prev_hash is null));

-- One position per chain; read backwards it gives the chain's head in one index probe.
create unique index audit_events_chain_seq_idx on audit_events (chain, seq);
-- The auditors' search: an operation's entries, newest first.
create index audit_events_operation_id_idx on audit_events (operation_id, id);

-- Append-only. The application connects as the table's owner, so REVOKE would not hold it:
-- this trigger does. A superuser can still disable it; the hash chain is what shows that
-- something was changed behind its back.
create function audit_events_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_events_no_update_or_delete
  before update or delete on audit_events
  for each row execute function audit_events_append_only();

create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_append_only();
