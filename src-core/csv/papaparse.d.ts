/**
 * Just the part of Papa Parse the core uses. The core imports the library's plain JS entry
 * (`papaparse/papaparse.js`) with these declarations instead of `@types/papaparse`, because those
 * typings pull in `@types/node` (for the Node stream API), which the core must not see.
 */
declare module 'papaparse/papaparse.js' {
  export interface PapaParseError {
    type: string;
    code: string;
    message: string;
    /** 0-based index of the record (not the text line) the error belongs to. */
    row?: number;
    /** Character offset in the input (for quote errors: where the quoted field starts). */
    index?: number;
  }
  export interface PapaParseResult {
    data: string[][];
    errors: PapaParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
  }
  export interface PapaParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
    delimitersToGuess?: string[];
  }
  export interface PapaUnparseConfig {
    quotes?: boolean | boolean[] | ((value: unknown, column: number) => boolean);
    delimiter?: string;
    newline?: string;
    header?: boolean;
    escapeFormulae?: boolean | RegExp;
  }
  const Papa: {
    parse(input: string, config?: PapaParseConfig): PapaParseResult;
    unparse(data: unknown[][], config?: PapaUnparseConfig): string;
  };
  export default Papa;
}
