import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/lib/wrapText';

describe('wrapText', () => {
	it('breaks at spaces within the limit and keeps every word', () => {
		const text = 'Reported march of 15,000 fighters: not confirmed by any government';
		const lines = wrapText(text, 24);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
		expect(lines.join(' ')).toBe(text);
	});

	it('keeps a number with the word after it, in any script', () => {
		expect(wrapText('Goshta district, 19 Dec 2021', 20)).toEqual([
			'Goshta district,',
			'19 Dec 2021'
		]);
		expect(wrapText('چمن–سپین بولدک، 14 جولائی', 20)).toEqual(['چمن–سپین بولدک،', '14 جولائی']);
		expect(wrapText('مکین، ۲۰–۲۱ دسمبر', 8)).toEqual(['مکین،', '۲۰–۲۱ دسمبر']);
		// A number at the end has nothing to keep it company, and stays where it falls.
		expect(wrapText('Fence built by 2021', 15)).toEqual(['Fence built by', '2021']);
		// A dash is not a number.
		expect(wrapText('Chaman – Spin Boldak', 8)).toEqual(['Chaman –', 'Spin', 'Boldak']);
	});
});
