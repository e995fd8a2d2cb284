import { describe, expect, it } from 'vitest';
import { keepNumbersWithWords } from '$lib/article/typography';

const NBSP = '\u00a0';

describe('keepNumbersWithWords', () => {
	it('keeps an Urdu day with its month and a Pashto count with its unit', () => {
		expect(keepNumbersWithWords('15 اگست 2021 کو')).toBe(`15${NBSP}اگست 2021${NBSP}کو`);
		expect(keepNumbersWithWords('۲۶۴۰ کیلومتره')).toBe(`۲۶۴۰${NBSP}کیلومتره`);
	});

	it('keeps an English count with its unit, and leaves words before a number alone', () => {
		expect(keepNumbersWithWords('about 2,640 km of border in August 2021')).toBe(
			`about 2,640${NBSP}km of border in August 2021`
		);
	});

	it('leaves a number before punctuation, a citation or another number as it is', () => {
		for (const text of ['in 2021, the', '1997 (recognised)', '12 14', 'step 3 [4]'])
			expect(keepNumbersWithWords(text)).toBe(text);
	});
});
