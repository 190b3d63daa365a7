import { describe, expect, it } from 'vitest';
import { RunControl } from './control';

describe('RunControl', () => {
  it('holds a pause point while paused and releases it on resume', async () => {
    const c = new RunControl();
    const events: string[] = [];
    c.pause();
    const p = c.pausePoint(
      () => events.push('paused'),
      () => events.push('resumed'),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['paused']);
    c.resume();
    expect(await p).toBe(true);
    expect(events).toEqual(['paused', 'resumed']);
  });

  it('a stop releases a paused pause point and reports false', async () => {
    const c = new RunControl();
    c.pause();
    const p = c.pausePoint();
    c.stop();
    expect(await p).toBe(false);
    expect(await c.pausePoint()).toBe(false);
  });
});
