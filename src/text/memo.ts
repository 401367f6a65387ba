/**
 * Answers kept by key, for a pure function asked the same keys again and
 * again (the same sides typed record after record). The table is emptied when
 * it reaches its limit, so a long run with ever new keys holds at most that
 * many; `clear()` empties it when what the answers depend on changes.
 */
export class Memo<V> {
  private readonly table = new Map<string, V>();

  constructor(
    private readonly limit: number,
    private readonly make: (key: string) => V,
  ) {}

  get(key: string): V {
    let value = this.table.get(key);
    if (value === undefined) {
      if (this.table.size >= this.limit) this.table.clear();
      value = this.make(key);
      this.table.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.table.clear();
  }
}
