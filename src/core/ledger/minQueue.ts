/** A set of entry numbers taken smallest first (a binary heap without duplicates). */
export class MinQueue {
  private readonly heap: number[] = [];
  private readonly members = new Set<number>();

  constructor(values: Iterable<number> = []) {
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.heap.length;
  }

  add(value: number): void {
    if (this.members.has(value)) return;
    this.members.add(value);
    const heap = this.heap;
    heap.push(value);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= heap[i]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  /** Removes and returns the smallest value; undefined when empty. */
  take(): number | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left] < heap[smallest]) smallest = left;
        if (right < heap.length && heap[right] < heap[smallest]) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    this.members.delete(top);
    return top;
  }
}
