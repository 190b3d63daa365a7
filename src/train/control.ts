// Pause / resume / stop for a running loop. The loop awaits `pausePoint()` between steps; the
// Worker's message handler flips the flags. A macrotask yield lets those messages arrive even on
// backends whose reads resolve as microtasks (wasm, cpu).

export class RunControl {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  get isStopped(): boolean {
    return this.stopped;
  }

  pause(): void {
    if (!this.stopped) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = null;
  }

  stop(): void {
    this.stopped = true;
    this.resume();
  }

  /**
   * Yields to the event loop, then waits while paused. `onPause` runs when a pause starts and
   * `onResume` when it ends (not after a stop). Returns false once the run has been stopped.
   */
  async pausePoint(onPause?: () => void, onResume?: () => void): Promise<boolean> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (this.paused && !this.stopped) {
      onPause?.();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      if (!this.stopped) onResume?.();
    }
    return !this.stopped;
  }
}
