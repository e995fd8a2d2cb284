import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/lib/map/labelPlacement';

describe('wrap', () => {
	it('breaks at spaces within the limit and keeps every word', () => {
		const text = 'Reported march of 15,000 fighters: not confirmed by any government';
		const lines = wrap(text, 24);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
		expect(lines.join(' ')).toBe(text);
	});
});
