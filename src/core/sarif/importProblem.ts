/** Something in an imported log that OpenPypi had to repair, drop or interpret. */
export interface ImportProblem {
  /** The file (or other source) the log came from. */
  readonly source: string;
  /** A JSON pointer into the source document, such as `/runs/0/results/3/message`. */
  readonly pointer: string;
  readonly message: string;
}

/** Collects problems up to a cap, then counts the rest, so a huge broken log stays cheap. */
export class ImportProblems {
  private readonly list: ImportProblem[] = [];
  private dropped = 0;

  constructor(
    readonly source: string,
    private readonly cap = 200,
  ) {}

  add(pointer: string, message: string): void {
    if (this.list.length < this.cap) {
      this.list.push({ source: this.source, pointer, message });
    } else {
      this.dropped += 1;
    }
  }

  toArray(): ImportProblem[] {
    if (this.dropped === 0) {
      return [...this.list];
    }
    return [
      ...this.list,
      {
        source: this.source,
        pointer: '',
        message: `${this.dropped} more problems of the same kinds were not listed.`,
      },
    ];
  }
}
