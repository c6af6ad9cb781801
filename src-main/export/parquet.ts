// The run's tables as Parquet, one file per table, written by hyparquet-writer (docs/EXPORTS.md).
// Columns are gathered in memory and encoded at the end: Parquet is columnar, so a table is
// written once all its rows are known.
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { Column, Row } from './tables';

const PARQUET_TYPE = { text: 'STRING', int: 'INT64', real: 'DOUBLE' } as const;

export type ParquetTable = { add(rows: readonly Row[]): void; encode(): Uint8Array };

export function createParquetTable(columns: readonly Column[]): ParquetTable {
  const data: (string | number | bigint | null)[][] = columns.map(() => []);
  return {
    add(rows) {
      for (const row of rows) {
        columns.forEach((c, i) => {
          const v = row[i]!;
          data[i]!.push(c.type === 'int' && v !== null ? BigInt(v) : v);
        });
      }
    },
    encode() {
      const columnData: ColumnSource[] = columns.map((c, i) => ({
        name: c.name,
        data: data[i]!,
        type: PARQUET_TYPE[c.type],
        nullable: c.nullable === true,
      }));
      // A fixed writer name: no version or time in the file, so the same rows give the same bytes.
      return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'feedlens' }));
    },
  };
}
