/** What a subscription returns; `vscode.Disposable` has the same shape. */
export interface Disposable {
  dispose(): void;
}

/** A subscribable event with `vscode.Event`'s signature, so glue can hand one to VS Code as it is. */
export type Event<T> = (listener: (value: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/**
 * A minimal event emitter for code that may not import `vscode`. Like VS Code's, a listener that
 * throws is reported and the others still hear the event.
 */
export class Emitter<T> implements Disposable {
  private listeners: Array<(value: T) => unknown> = [];

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
    this.listeners.push(bound);
    const subscription = {
      dispose: () => {
        this.listeners = this.listeners.filter((other) => other !== bound);
      },
    };
    disposables?.push(subscription);
    return subscription;
  };

  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('[phaselens] an event listener failed:', error);
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}
