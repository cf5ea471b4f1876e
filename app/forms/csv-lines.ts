import Papa from "papaparse";
import { msg } from "./messages";

/** One problem of an imported file: the CSV line it is on (the header is line 1), the column, a message. */
export interface CsvProblem<C extends string = string> {
  line: number;
  column: C | null;
  message: string;
}

/**
 * Reads an imported CSV the way every import of the hall does: a byte-order mark dropped, any line
 * ending, blank lines skipped, each row with the line it starts on (quoted fields may span lines). The
 * first row is the header (`header` reads it, or says what is wrong and the reading stops); every
 * later row goes to `row`, up to `maxRows`. The file's own problems (unreadable, empty, no rows, too
 * many) are added to `problems` under the message keys of `keys` (`<keys>.malformed`, `.tooManyRows`,
 * `.empty`, `.noRows`).
 */
export function readCsvLines<H, C extends string>(
  text: string,
  {
    keys,
    maxRows,
    header: readHeader,
    row,
  }: {
    keys: string;
    maxRows: number;
    header: (fields: string[]) => { header: H } | { problems: CsvProblem<C>[] };
    row: (fields: string[], header: H, line: number) => void;
  },
  problems: CsvProblem<C>[],
): void {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let header: H | null = null;
  let headerSeen = false;
  let cursor = 0;
  let line = 1;
  let dataRows = 0;
  Papa.parse<string[]>(source, {
    delimiter: ",",
    newline: "\n",
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = cursor;
      cursor = result.meta.cursor;
      const rowLine = line;
      for (let i = start; i < cursor; i++) if (source.charCodeAt(i) === 10) line++;
      const fields = result.data;
      if (fields.length === 1 && fields[0].trim() === "") return;
      if (result.errors.length) {
        problems.push({ line: rowLine, column: null, message: msg(`${keys}.malformed`) });
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        const read = readHeader(fields);
        if ("problems" in read) {
          problems.push(...read.problems);
          parser.abort();
        } else header = read.header;
        return;
      }
      if (++dataRows > maxRows) {
        problems.push({ line: rowLine, column: null, message: msg(`${keys}.tooManyRows`, { max: maxRows }) });
        parser.abort();
        return;
      }
      row(fields, header!, rowLine);
    },
  });
  if (!headerSeen) problems.push({ line: 1, column: null, message: msg(`${keys}.empty`) });
  else if (header && dataRows === 0) problems.push({ line: 2, column: null, message: msg(`${keys}.noRows`) });
}
