import { describe, expect, it } from 'vitest';
import { makeEdition } from '../../../src/lib/edition/edition';
import { formatDate, localDigits } from '../../../src/lib/edition/format';

describe("each edition's dates and digits", () => {
	it('writes English dates as before (British order)', () => {
		expect(formatDate('2024-12-24', 'en')).toBe('24 December 2024');
		expect(formatDate('2024-03', 'en')).toBe('March 2024');
	});

	it('writes Urdu dates with Urdu month names and Western digits', () => {
		expect(formatDate('2024-12-24', 'ur')).toBe('24 دسمبر، 2024');
		expect(localDigits('2611 km', 'ur')).toBe('2611 km');
	});

	it('writes Pashto dates in the Gregorian calendar with Extended Arabic-Indic digits', () => {
		const date = formatDate('2024-12-24', 'ps');
		expect(date).toContain('دسمبر');
		expect(date).toContain('۲۰۲۴');
		expect(date).not.toMatch(/[0-9]/);
		expect(formatDate('1994', 'ps')).toBe('۱۹۹۴');
		expect(localDigits('2611 کیلومتره', 'ps')).toBe('۲۶۱۱ کیلومتره');
	});

	it('fills numbers in the edition’s digits', () => {
		expect(makeEdition('ps').t('step.source', { n: 12 })).toBe('Source ۱۲');
		expect(makeEdition('en').t('step.source', { n: 12 })).toBe('Source 12');
	});
});
