import type { Pool } from "pg";

/** Reads what the migrations really created, from PostgreSQL's own catalog. */

export interface ColumnInfo {
  column: string;
  type: string;
  nullable: boolean;
  default: string | null;
}

export async function tableNames(sql: Pool): Promise<string[]> {
  const { rows } = await sql.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  return rows.map((row) => row.table_name);
}

export async function columns(sql: Pool, table: string): Promise<Map<string, ColumnInfo>> {
  const { rows } = await sql.query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `select column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = 'public' and table_name = $1`,
    [table],
  );
  return new Map(
    rows.map((row) => [
      row.column_name,
      { column: row.column_name, type: row.data_type, nullable: row.is_nullable === "YES", default: row.column_default },
    ]),
  );
}

/** Indexes of a table as their column lists, with uniqueness (unique constraints included). */
export async function indexes(sql: Pool, table: string): Promise<{ columns: string[]; unique: boolean }[]> {
  const { rows } = await sql.query<{ columns: string[]; unique: boolean }>(
    `select array_agg(a.attname::text order by k.ord) as columns, i.indisunique as unique
       from pg_index i
       join pg_class t on t.oid = i.indrelid
       join unnest(i.indkey) with ordinality as k(attnum, ord) on true
       join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where t.relname = $1 and t.relnamespace = 'public'::regnamespace
      group by i.indexrelid, i.indisunique`,
    [table],
  );
  return rows;
}

/** Foreign keys from `table`: the referenced table and the ON DELETE rule (`c` is CASCADE). */
export async function foreignKeys(sql: Pool, table: string): Promise<{ column: string; references: string; onDelete: string }[]> {
  const { rows } = await sql.query<{ column: string; references: string; on_delete: string }>(
    `select a.attname as column, r.relname as references, c.confdeltype as on_delete
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_class r on r.oid = c.confrelid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
      where c.contype = 'f' and t.relname = $1 and t.relnamespace = 'public'::regnamespace`,
    [table],
  );
  return rows.map((row) => ({ column: row.column, references: row.references, onDelete: row.on_delete }));
}
