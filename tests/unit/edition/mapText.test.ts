/**
 * The map text of the Urdu and Pashto editions (src/lib/server/mapText.ts): the words their labels
 * can hold, shaped with HarfBuzz in Noto Naskh Arabic (and Source Sans 3 for what it lacks), and
 * the rule the placer measures lines by — a line is as wide as its words and its spaces.
 */
import { describe, expect, it } from 'vitest';
import english from '../../../src/content/story.aml';
import urdu from '../../../src/content/story.ur.aml';
import pashto from '../../../src/content/story.ps.aml';
import { textWidth } from '../../../src/lib/map/labelPlacement';
import { textMetrics } from '../../../src/lib/map/labelText';
import { mapSteps } from '../../../src/lib/map/mapState';
import { namedDistricts } from '../../../src/lib/map/stepLabels';
import { translatableLabels } from '../../../src/lib/story/translation';
import { flattenSteps } from '../../../src/lib/map/mapState';
import { wrapText } from '../../../src/lib/wrapText';
import {
	districtsByStep,
	labelledIds,
	mapText,
	placeNames,
	shapedWidths,
	wordsOf
} from '../../../src/lib/server/mapText';
import { advance, loadFont } from '../../../src/lib/server/shapeWords';
import { mapData } from '../../../src/lib/server/staticMap';

const NASKH = 'node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic';
const SANS = 'node_modules/@fontsource/source-sans-3/files/source-sans-3-latin';
const regular = [
	await loadFont(`${NASKH}-400-normal.woff2`),
	await loadFont(`${SANS}-400-normal.woff2`)
];
const bold = [
	await loadFont(`${NASKH}-700-normal.woff2`),
	await loadFont(`${SANS}-700-normal.woff2`)
];

describe('shaped word widths', () => {
	it('sets an Urdu name in far less than its character count: its letters join', () => {
		const kp = 'خیبر پختونخوا';
		const em = advance(bold, kp, 'ur');
		expect(em).toBeGreaterThan(4);
		expect(em).toBeLessThan(kp.length * 0.6 * 0.75);
		expect(em * 13).toBeLessThan(textWidth(kp, 13, 'bold') * 0.75);
	});

	it('sets what Naskh lacks in Source Sans 3, as the font-family list does', () => {
		expect(regular[0]!.has.has('1'.codePointAt(0)!)).toBe(false);
		expect(advance(regular, '1996', 'ur')).toBeCloseTo(advance([regular[1]!], '1996', 'ur'), 6);
		expect(() => advance([regular[0]!], 'Kabul', 'ur')).toThrow(/No map font has U\+004B/);
	});

	it('measures a line as its words and its spaces: joining does not cross a space', async () => {
		const widths = await shapedWidths(['ڈیورنڈ', 'لائن', 'پاکستان'], 'naskh', 'ur');
		const m = textMetrics(widths);
		const [a, b] = widths.bold;
		expect(m.width('ڈیورنڈ لائن', 10, 'bold')).toBeCloseTo((a! + b! + widths.space[1]) * 10, 9);
		expect(m.width('پاکستان', 10)).toBe(widths.regular[2]! * 10);
		// And the table's words are HarfBuzz's advances, rounded up to 0.01 em.
		const whole = advance(bold, 'ڈیورنڈ لائن', 'ur');
		expect(m.width('ڈیورنڈ لائن', 1, 'bold')).toBeGreaterThanOrEqual(whole - 1e-9);
		expect(m.width('ڈیورنڈ لائن', 1, 'bold')).toBeLessThan(whole + 0.03);
	});

	it.each([
		['ur', urdu],
		['ps', pashto]
	] as const)(
		'gives every %s label line, shaped whole, the width of its words (within the rounding)',
		async (lang, story) => {
			const text = (await mapText(lang))!;
			const m = textMetrics(text.widths);
			const texts = [
				...Object.values(text.names),
				...flattenSteps(story).flatMap((s) => [...translatableLabels(s).values()])
			];
			const lines = new Set(
				texts.flatMap((t) => [t, ...[15, 20, 24, 28].flatMap((n) => wrapText(t, n))])
			);
			let worst = 0;
			for (const line of lines)
				for (const [fonts, weight] of [
					[regular, 'normal'],
					[bold, 'bold']
				] as const) {
					const whole = advance(fonts, line, lang);
					const words = line.split(' ');
					// Exact before rounding: the words shaped one by one, and the spaces.
					const raw =
						words.reduce((em, w) => em + advance(fonts, w, lang), 0) +
						(words.length - 1) * advance(fonts, ' ', lang);
					expect(raw, line).toBeCloseTo(whole, 6);
					// From the table: never narrower, wider by at most each word's and space's rounding.
					const sum = m.width(line, 1, weight);
					expect(sum, line).toBeGreaterThanOrEqual(whole - 1e-9);
					expect(sum - whole, line).toBeLessThanOrEqual(0.01 * (2 * words.length - 1));
					worst = Math.max(worst, sum - whole);
				}
			expect(lines.size).toBeGreaterThan(150);
			expect(worst).toBeLessThan(0.15);
		}
	);
});

describe('an edition’s map text', () => {
	it('lists each word a label holds once, split as lines are split', () => {
		expect(wordsOf(['کابل، ستمبر 1996', 'کابل  ستمبر', 'a\u00a0b'])).toEqual(
			['', 'a', 'a\u00a0b', 'b', 'ستمبر', 'کابل', 'کابل،', '1996'].filter(Boolean).sort()
		);
	});

	it('names what the map labels: every place, the provinces, the countries and the border', () => {
		const ids = labelledIds(mapSteps(urdu));
		const { places } = mapData();
		for (const p of places) expect(ids).toContain(p.id);
		expect(ids).toEqual(expect.arrayContaining(['PK-KP', 'AF-PKA', 'AFG', 'PAK', 'CHN', 'durand']));
		expect(ids).not.toContain('loc');
		const table = placeNames();
		for (const id of ids) expect(table.get(id)?.names.ur, id).toBeTruthy();
	});

	it('names the districts the English map names at each step', () => {
		const steps = mapSteps(english);
		const { places, topology } = mapData();
		const byStep = districtsByStep(steps);
		expect(byStep['makeen-2024']).toEqual(['north-waziristan', 'south-waziristan']);
		expect(byStep['goshta-2021']).toEqual(['kurram', 'khyber-district']);
		expect(Object.keys(byStep).length).toBeGreaterThan(5);
		for (const s of steps.filter((s) => !byStep[s.id]))
			expect(
				namedDistricts(
					{
						places: new Set(places.map((p) => p.id)),
						provinces: topology.objects.provinces.geometries.map((g) => g.properties!)
					},
					[
						s.view.label,
						...s.annotations.map((a) => a.text),
						...s.routes.map((r) => r.label ?? '')
					],
					s.markers.map((m) => m.label ?? '')
				),
				s.id
			).toEqual([]);
	});

	it('is none for English', async () => {
		expect(await mapText('en')).toBeUndefined();
	});
});
