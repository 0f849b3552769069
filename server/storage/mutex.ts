/** A FIFO async mutex: `run(fn)` waits for every earlier `run` to settle before starting `fn`. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private holders = 0;

  get locked(): boolean {
    return this.holders > 0;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.holders += 1;
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.holders -= 1;
    });
    return result;
  }
}
