import type pg from 'pg';

type Client = pg.PoolClient | pg.Client;

export interface TableInfo {
  name: string;
  /** Stored columns only: generated columns are recomputed by the database on restore. */
  columns: string[];
}

/**
 * Waymark's tables in the current schema, parents before children (foreign keys), so a
 * restore never inserts a row before the row it points at. Deferrable keys (a household's
 * head, a person of that household) are checked at commit and do not order the tables.
 * schema_migrations is left out: the target is migrated by the same migrations. So is
 * sealed_key_ids (migration 0031): the target's triggers record the key ids of the sealed
 * values as they are restored.
 */
export async function listTables(client: Client): Promise<TableInfo[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname not in ('schema_migrations', 'sealed_key_ids')
      order by c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and not k.condeferrable and n.nspname = current_schema() and child.oid <> parent.oid`,
  );
  const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
    `select c.relname as table_name, a.attname as column_name
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const ordered = topologicalOrder(
    tables.map((t) => t.name),
    edges,
  );
  return ordered.map((name) => ({ name, columns: columns.filter((c) => c.table_name === name).map((c) => c.column_name) }));
}

function topologicalOrder(names: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) =>
      edges.every((edge) => edge.child !== name || placed.has(edge.parent) || !remaining.has(edge.parent)),
    );
    // A cycle of non-deferrable keys cannot be restored table by table: say so.
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...remaining].join(', ')}`);
    for (const name of ready.sort()) {
      order.push(name);
      placed.add(name);
      remaining.delete(name);
    }
  }
  return order;
}

export async function migrationVersions(client: Client): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>('select version from schema_migrations order by version');
  return rows.map((row) => row.version);
}

export async function countRows(client: Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string | number }>(`select count(*) as n from ${client.escapeIdentifier(table)}`);
  return Number(rows[0]!.n);
}

/** After rows arrive with their ids, identity sequences continue after the highest. */
export async function resetIdentitySequences(client: Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
       from information_schema.columns
      where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  for (const row of rows) {
    if (!row.sequence) continue;
    const column = client.escapeIdentifier(row.column_name);
    await client.query(
      `select setval($1, coalesce((select max(${column}) from ${client.escapeIdentifier(row.table_name)}), 1),
                     (select max(${column}) from ${client.escapeIdentifier(row.table_name)}) is not null)`,
      [row.sequence],
    );
  }
}
