// The messages the page shows (state/messages.svelte.ts): the last five, notes going away by
// themselves, errors staying until dismissed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageList } from '../../src/ui/state/messages.svelte.ts';

describe('messages for the user', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the last five, newest last; a note goes after five seconds, an error stays until dismissed', () => {
    const m = new MessageList();
    m.say('error', 'broken');
    for (let i = 1; i <= 5; i++) m.say('info', `note ${i}`);
    expect(m.list.map((x) => x.text)).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
    m.say('error', 'still broken');
    vi.advanceTimersByTime(5000);
    expect(m.list.map((x) => x.text)).toEqual(['still broken']);
    m.dismiss(m.list[0].id);
    expect(m.list).toEqual([]);
  });

  it('keeps the text for a bug report beside an error, and no details field on a message without one', () => {
    const m = new MessageList();
    m.say('error', 'Something on the page failed: x.', 0, 'depinsim v1: the page failed outside any panel (no run on screen)\nx');
    m.say('info', 'Saved.');
    expect(m.list[0].details).toContain('the page failed outside any panel');
    expect('details' in m.list[1]).toBe(false);
  });
});
