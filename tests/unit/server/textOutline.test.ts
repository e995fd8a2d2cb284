import { describe, expect, it } from 'vitest';
import {
	linePath,
	outlineFonts,
	outlineSvgText,
	shapeLine,
	visualOrder,
	type LineStyle
} from '../../../src/lib/server/textOutline';

const fonts = await outlineFonts('ur');
const bold: LineStyle = { size: 40, weight: 700, lang: 'ur' };

/** Where the glyphs of the characters [from, to) of a line sit, left to right. */
function span(line: ReturnType<typeof shapeLine>, from: number, to: number) {
	const xs = line.glyphs.filter((g) => g.index >= from && g.index < to).map((g) => g.x);
	return { left: Math.min(...xs), right: Math.max(...xs) };
}

describe('visualOrder (UAX #9 rule L2 on runs)', () => {
	const order = (levels: number[]) =>
		visualOrder(levels.map((level, i) => ({ level, i }))).map((r) => r.i);

	it('keeps a left-to-right line as it is and reverses a right-to-left one', () => {
		expect(order([0, 0, 0])).toEqual([0, 1, 2]);
		expect(order([1, 1, 1])).toEqual([2, 1, 0]);
	});

	it('keeps a number inside right-to-left text reading left to right', () => {
		// Urdu words (1), a number (2), Urdu (1): the number stays in its place and its order.
		expect(order([1, 2, 1])).toEqual([2, 1, 0]);
		expect(order([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
	});

	it('reverses only the right-to-left part of a left-to-right line', () => {
		expect(order([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
	});
});

describe('shapeLine', () => {
	it('sets an Urdu line right to left: its first word stands at the right', () => {
		const text = 'پاکستان اور افغان';
		const line = shapeLine(text, bold, fonts);
		const first = span(line, 0, 7);
		const last = span(line, text.indexOf('افغان'), text.length);
		expect(first.left).toBeGreaterThan(last.right);
	});

	it('reads a year inside Urdu left to right, set in the Latin face', () => {
		const text = 'طالبان 1994';
		const line = shapeLine(text, bold, fonts);
		const at = (c: string) => line.glyphs.find((g) => g.index === text.indexOf(c))!;
		expect(at('1').x).toBeLessThan(at('9').x);
		expect(at('9').x).toBeLessThan(at('4').x);
		// Naskh lacks Latin digits: the page, and the card, fall back to Source Sans 3.
		expect(at('1').font).toBe(fonts[700][1]);
		expect(at('ط').font).toBe(fonts[700][0]);
		// And the number stands to the left of the word it follows.
		expect(span(line, 7, 11).right).toBeLessThan(span(line, 0, 6).left);
	});

	it('joins Arabic letters: seen alone, first, between and last takes four forms', () => {
		// س has no dots, which the face draws as glyphs of their own.
		const alone = shapeLine('س', bold, fonts).glyphs[0]!.id;
		const joined = shapeLine('سسس', bold, fonts).glyphs.map((g) => g.id);
		expect(joined).toHaveLength(3);
		for (const id of joined) expect(id).not.toBe(alone);
		expect(new Set(joined).size).toBe(3);
	});

	it('measures a joined Urdu word narrower than a character count would', () => {
		const word = 'خیبر پختونخوا';
		const width = shapeLine(word, { ...bold, weight: 400, size: 14 }, fonts).width;
		expect(width).toBeGreaterThan(30);
		expect(width).toBeLessThan(word.length * 14 * 0.55);
	});
});

describe('outlineSvgText', () => {
	const svg =
		'<svg xmlns="http://www.w3.org/2000/svg"><g font-family="x">' +
		'<text x="300" y="40" text-anchor="end" font-size="20" font-weight="700" fill="#222" stroke="#fff" stroke-width="4" paint-order="stroke" data-label="a"><tspan x="300" dy="0">کرم کا سرحدی علاقہ،</tspan><tspan x="300" dy="24">28 دسمبر</tspan></text>' +
		'<text x="10" y="90" font-size="12">50 km &amp; more</text>' +
		'</g></svg>';
	const out = outlineSvgText(svg, fonts, 'ur');

	it('leaves no text element, and keeps the paint and data of each', () => {
		expect(out).not.toMatch(/<text|<tspan/);
		expect(out).toContain(
			'<path fill="#222" stroke="#fff" stroke-width="4" paint-order="stroke" data-label="a" d="M'
		);
		expect(out.match(/<path/g)).toHaveLength(2);
	});

	it('anchors lines as SVG does: an end-anchored line ends at x, each tspan on its own baseline', () => {
		const d = /data-label="a" d="([^"]+)"/.exec(out)![1]!;
		const xs = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
		const ys = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(301);
		expect(Math.max(...xs)).toBeGreaterThan(290);
		// The second line's baseline is 24 px below the first: its descenders reach past 64.
		expect(Math.max(...ys)).toBeGreaterThan(64);
		expect(Math.min(...ys)).toBeGreaterThan(10);
	});

	it('decodes entities before shaping', () => {
		const line = shapeLine('50 km & more', { size: 12, weight: 400 }, fonts);
		const d = /<path d="([^"]+)"/.exec(out)![1]!;
		expect(d).toBe(linePath(line, 10, 90));
	});
});

describe('outlineSvgText in a right-to-left group', () => {
	it('reads direction="rtl" as SVG does: an end-anchored line starts at x and runs right', () => {
		const line = (anchor: string) =>
			`<g direction="rtl"><g><text x="100" y="40" text-anchor="${anchor}" font-size="14" font-weight="700">کرم کا</text></g></g><text x="100" y="80" text-anchor="${anchor}" font-size="14">Khost</text>`;
		const xsOf = (svg: string) =>
			[...svg.matchAll(/<path d="([^"]+)"/g)].map((m) =>
				[...m[1]!.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((p) => Number(p[1]))
			);
		const [rtlEnd, ltrEnd] = xsOf(outlineSvgText(line('end'), fonts, 'ur'));
		const [rtlStart, ltrStart] = xsOf(outlineSvgText(line('start'), fonts, 'ur'));
		expect(Math.min(...rtlEnd!)).toBeGreaterThanOrEqual(99);
		expect(Math.max(...rtlStart!)).toBeLessThanOrEqual(101);
		// Outside the group, the Latin line keeps SVG's left-to-right anchors.
		expect(Math.max(...ltrEnd!)).toBeLessThanOrEqual(101);
		expect(Math.min(...ltrStart!)).toBeGreaterThanOrEqual(99);
	});
});
