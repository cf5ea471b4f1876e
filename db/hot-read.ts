import type { Statement } from "better-sqlite3";
import { Column, is, Placeholder, sql, SQL, type GetColumnData } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { prepared } from "./prepared";

/**
 * A hot read as plain better-sqlite3: the SQL text is built once from drizzle's schema objects (a
 * renamed property fails to compile, a column missing from the database fails at prepare), each
 * selected value gets an `AS "key"` alias so better-sqlite3 builds the row object itself, and only
 * the columns whose drizzle type converts (timestamps, booleans, json) are converted, by the
 * column's own decoder. For reads measured hot only: docs/decisions/014-raw-statements-for-hot-reads.md.
 *
 *   const byId = hotSelect({ id: t.id, at: t.at }).from<{ id: number }>(sql`${t} where ${t.id} = ${sql.placeholder("id")}`);
 *   byId.get({ id })
 */

/** What a parameter of better-sqlite3 can be: values go in as the driver stores them (a Date as its number). */
export type BindValue = string | number | bigint | Buffer | null;

/** A column of a left-joined table: null when no row matched, whatever the column's own NOT NULL says. */
export class OrNull<C extends Column> {
  constructor(readonly column: C) {}
}

export function orNull<C extends Column>(column: C): OrNull<C> {
  return new OrNull(column);
}

type Field = Column | OrNull<Column> | SQL<unknown>;

type ValueOf<F> = F extends OrNull<infer C> ? GetColumnData<C, "raw"> | null : F extends Column ? GetColumnData<F> : F extends SQL<infer T> ? T : never;

export type RowOf<S extends Record<string, Field>> = { [K in keyof S]: ValueOf<S[K]> };

export interface HotRead<P, R> {
  /** The SQL as prepared, for tests and for the record. */
  readonly text: string;
  get(params: P): R | undefined;
  all(params: P): R[];
}

// Placeholders become better-sqlite3's named parameters (@name): the caller's object binds as it is.
class NamedParamDialect extends SQLiteSyncDialect {
  override escapeParam(_num: number, chunk?: unknown): string {
    if (!is(chunk, Placeholder)) throw new Error("hotSelect: only sql.placeholder() parameters; write constants into the SQL");
    const name = String(chunk.name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`hotSelect: placeholder name "${name}" is not an identifier`);
    return `@${name}`;
  }
}

const dialect = new NamedParamDialect();

function columnOf(field: Field): Column | null {
  if (field instanceof OrNull) return field.column;
  return is(field, Column) ? field : null;
}

/** Columns whose value is stored differently from how the app uses it (drizzle's base decoder is the identity). */
function decodersOf(select: Record<string, Field>): Array<[string, Column]> {
  return Object.entries(select).flatMap(([key, field]): Array<[string, Column]> => {
    const column = columnOf(field);
    return column && column.mapFromDriverValue !== Column.prototype.mapFromDriverValue ? [[key, column]] : [];
  });
}

function renderSelect(select: Record<string, Field>, rest: SQL): string {
  const list = Object.entries(select).map(([key, field]) => sql`${columnOf(field) ?? field} as ${sql.identifier(key)}`);
  if (list.length === 0) throw new Error("hotSelect: nothing selected");
  return dialect.sqlToQuery(sql`select ${sql.join(list, sql`, `)} from ${rest}`).sql;
}

export function hotSelect<S extends Record<string, Field>>(select: S) {
  return {
    /** The rest of the statement after FROM; parameters are `sql.placeholder(name)`, typed by `P`. */
    from<P extends Record<string, BindValue>>(rest: SQL): HotRead<P, RowOf<S>> {
      const text = renderSelect(select, rest);
      const decoders = decodersOf(select);
      const statement = prepared((db): Statement<[P]> => db.$client.prepare(text));
      const decode = (row: Record<string, unknown>) => {
        for (const [key, column] of decoders) {
          const value = row[key];
          if (value !== null) row[key] = column.mapFromDriverValue(value);
        }
        return row as RowOf<S>;
      };
      return {
        text,
        get(params) {
          const row = statement().get(params) as Record<string, unknown> | undefined;
          return row && decode(row);
        },
        all(params) {
          const rows = statement().all(params) as Record<string, unknown>[];
          if (decoders.length > 0) rows.forEach(decode);
          return rows as RowOf<S>[];
        },
      };
    },
  };
}
