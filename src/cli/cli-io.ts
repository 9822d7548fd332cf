/** Where a command-line tool writes: its result on `out`, progress and problems on `err`. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}
