import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/lib/wrapText';

describe('wrapText', () => {
	it('breaks at spaces within the limit and keeps every word', () => {
		const text = 'Reported march of 15,000 fighters: not confirmed by any government';
		const lines = wrapText(text, 24);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
		expect(lines.join(' ')).toBe(text);
	});
});
