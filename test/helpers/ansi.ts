/** A frame without its colours (SGR sequences): the text a person reads. */
// eslint-disable-next-line no-control-regex
export const plain = (frame: string): string => frame.replace(/\u001B\[[0-9;]*m/g, '');
