import { describe, expect, it } from 'vitest';
import { backLabel } from '../../../src/lib/article/citations';
import { differentDay, formatDate } from '../../../src/lib/edition/format';
import { jsonLdScript, scriptJson } from '../../../src/lib/article/jsonLd';
import { readProvenance } from '../../../src/lib/article/provenance';
import { readingMinutes } from '../../../src/lib/article/readingTime';
import { absoluteUrl, normaliseOrigin } from '../../../src/lib/article/urls';

describe('urls', () => {
	it('joins origin, base path and path with single slashes', () => {
		expect(absoluteUrl('https://a.org', '/g/2024/x')).toBe('https://a.org/g/2024/x/');
		expect(absoluteUrl('https://a.org', '/g/2024/x/', '/share.png')).toBe(
			'https://a.org/g/2024/x/share.png'
		);
		expect(absoluteUrl('https://a.org', '', 'embed/s/')).toBe('https://a.org/embed/s/');
	});
	it('accepts origins only', () => {
		expect(normaliseOrigin('https://a.org/')).toBe('https://a.org');
		expect(() => normaliseOrigin('a.org')).toThrow(/absolute URL/);
		expect(() => normaliseOrigin('https://a.org/graphics')).toThrow(/BASE_PATH/);
		expect(() => normaliseOrigin('ftp://a.org')).toThrow(/http/);
	});
});

describe('dates', () => {
	it('formats partial and full dates in UTC', () => {
		expect(formatDate('2024')).toBe('2024');
		expect(formatDate('2024-03')).toBe('March 2024');
		expect(formatDate('2024-03-05')).toBe('5 March 2024');
		expect(formatDate('2024-12-31T23:30:00Z')).toBe('31 December 2024');
	});
	it('tells an update on another day', () => {
		expect(differentDay('2024-12-31T09:00:00Z', '2024-12-31T18:00:00Z')).toBe(false);
		expect(differentDay('2024-12-31T09:00:00Z', '2025-01-02T09:00:00Z')).toBe(true);
	});
});

describe('reading time', () => {
	it('rounds up and never says zero', () => {
		expect(readingMinutes(0)).toBe(1);
		expect(readingMinutes(230)).toBe(1);
		expect(readingMinutes(231)).toBe(2);
	});
});

describe('JSON-LD', () => {
	it('cannot close its script element', () => {
		const s = scriptJson({ headline: '</script><script>alert(1)</script>' });
		expect(s).not.toContain('<');
		expect(JSON.parse(s).headline).toBe('</script><script>alert(1)</script>');
		expect(jsonLdScript({ a: 1 })).toBe('<script type="application/ld+json">{"a":1}</script>');
	});
});

describe('citations', () => {
	it('labels repeated back links a, b … z, aa', () => {
		expect([0, 1, 25, 26, 27].map((i) => backLabel(i))).toEqual(['a', 'b', 'z', 'aa', 'ab']);
	});
});

describe('provenance', () => {
	it('reads inputs and credit lines, and names the file when fields are missing', () => {
		const p = readProvenance({
			credit: 'Natural Earth.',
			geonamesCredit: 'GeoNames, CC BY 4.0',
			inputs: [{ id: 'a', what: 'Borders', source: 'npm x', licence: 'PD', processing: ['clip'] }]
		});
		expect(p.credits).toEqual(['Natural Earth', 'GeoNames, CC BY 4.0']);
		expect(p.inputs[0]).toMatchObject({ id: 'a', processing: ['clip'] });
		expect(() => readProvenance({ inputs: [{ id: 'a' }] }, 'f.json')).toThrow(
			/f\.json: inputs\[0\]/
		);
	});
});
