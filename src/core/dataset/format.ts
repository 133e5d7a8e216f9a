// How a dataset file was written, so saving writes it back the same way.
export interface FileFormat {
  bom: boolean;
  lineEnding: '\n' | '\r\n';
  /** The last line ends with a line end. */
  finalNewline: boolean;
}

export const DEFAULT_FORMAT: FileFormat = { bom: false, lineEnding: '\n', finalNewline: true };
