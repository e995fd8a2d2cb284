/**
 * The Urdu and Pashto maps on the real story: their names come from the table
 * (data-src/place_names.csv) through the map text the frame is given, their widths from the
 * words shaped at build time, and they keep every promise the English map makes — both countries
 * and the border named at every step, no label across a line, none over another.
 */
import { describe, expect, it } from 'vitest';
import urdu from '../../../src/content/story.ur.aml';
import pashto from '../../../src/content/story.ps.aml';
import { apply } from '../../../src/lib/map/camera';
import type { MapFrame } from '../../../src/lib/map/frame';
import { mapFrame } from '../../../src/lib/map/frameLabels';
import { LINE_CLEARANCE, segmentHitsRect, textWidth } from '../../../src/lib/map/labelPlacement';
import { textMetrics } from '../../../src/lib/map/labelText';
import { mapSteps } from '../../../src/lib/map/mapState';
import type { MapGeo } from '../../../src/lib/map/prepareMap';
import { geoFromIslandData, islandData, mapWords } from '../../../src/lib/island/islandData';
import { makeEdition } from '../../../src/lib/edition/edition';
import { mapText, placeNames } from '../../../src/lib/server/mapText';
import { PRERENDER_VIEWPORT } from '../../../src/lib/server/liveMap';
import { LAYOUTS, liveFrame, map, projection, steps as englishSteps } from './realMap';
import { misreadNames } from './misreadNames';

const SLOW = { timeout: 120_000 };
const EDITIONS = [
	{ lang: 'ur', story: urdu },
	{ lang: 'ps', story: pashto }
] as const;
const SIZES = { desktop: LAYOUTS.desktop!, phone: LAYOUTS.phone! };

const editions = await Promise.all(
	EDITIONS.map(async ({ lang, story }) => {
		const text = (await mapText(lang))!;
		const steps = mapSteps(story);
		// The map as the island rebuilds it from the page's data block.
		const data = islandData(
			steps,
			{ ...map, text },
			projection,
			PRERENDER_VIEWPORT,
			{ labels: [], reference: [] },
			null,
			mapWords(makeEdition(lang))
		);
		const island = geoFromIslandData(JSON.parse(JSON.stringify(data)));
		const frames = steps.flatMap((s, i) =>
			Object.entries(SIZES).map(([size, layout]) => ({
				where: `${lang} ${s.id} (${size})`,
				size,
				english: liveFrame(englishSteps[i]!, layout),
				frame: mapFrame(s, island.geo, island.projection, layout)
			}))
		);
		return { lang, text, steps, data, geo: island.geo as MapGeo, frames };
	})
);

interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
const overlaps = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(editions)('the $lang map', SLOW, ({ lang, text, data, geo, frames }) => {
	const table = placeNames();
	const name = (id: string) => table.get(id)!.names[lang]!;

	it('names countries, provinces, places, districts and the border as the table does', () => {
		const seen = new Set<string>();
		for (const { where, frame } of frames) {
			for (const l of frame.labels) {
				const [kind, id] = l.id.includes(':') ? l.id.split(':') : [l.id, l.id];
				seen.add(kind!);
				const marker = frame.step.markers.find((m) => m.place === id);
				if (kind === 'note' || kind === 'route' || marker?.label) continue;
				expect(l.text, `${where}: ${l.id}`).toBe(name(id!));
			}
		}
		expect([...seen].sort()).toEqual(
			['country', 'district', 'durand', 'note', 'place', 'province', 'route'].sort()
		);
		expect(name('AFG')).toMatch(/^افغانستان$/);
	});

	it('writes no label in Latin letters', () => {
		const latin = frames.flatMap(({ where, frame }) =>
			frame.labels.filter((l) => /[A-Za-z]/.test(l.lines.join(' '))).map((l) => `${where}: ${l.id}`)
		);
		expect(latin).toEqual([]);
	});

	it('names both countries and the border at every step, and the districts the English map names', () => {
		const missing: string[] = [];
		let districts = 0;
		let englishDistricts = 0;
		for (const { where, frame, english } of frames) {
			for (const id of ['country:AFG', 'country:PAK', 'durand'])
				if (!frame.labels.some((l) => l.id === id)) missing.push(`${where}: ${id}`);
			const ids = frame.labels.filter((l) => l.id.startsWith('district:')).map((l) => l.id);
			// Only the districts the English map names at that step (where they find room).
			for (const id of ids)
				expect(text.districts[frame.step.id] ?? [], where).toContain(id.slice('district:'.length));
			districts += ids.length;
			englishDistricts += english.labels.filter((l) => l.id.startsWith('district:')).length;
		}
		expect(missing).toEqual([]);
		expect(districts).toBeGreaterThan(englishDistricts * 0.8);
		expect(text.districts['makeen-2024']).toContain('south-waziristan');
	});

	it('says what the Durand Line is wherever it names it, as the English map does, in its own words', () => {
		const plain: string[] = [];
		for (const { where, frame } of frames) {
			const durand = frame.labels.find((l) => l.id === 'durand');
			if (durand && durand.lines.join(' ') !== text.durandNote) plain.push(where);
		}
		expect(plain).toEqual([]);
		// The name from the table of names, then what it is.
		expect(text.durandNote.startsWith(`${text.names.durand}:`)).toBe(true);
		expect(text.durandNote).not.toMatch(/[A-Za-z]/);
	});

	it('places no label over another, over a marker, or across the Durand Line or a route', () => {
		const found: string[] = [];
		for (const { where, frame } of frames) {
			const { labels, target, routes, markerBoxes } = frame as MapFrame & {
				markerBoxes: { id: string; rect: Rect }[];
			};
			const lines = [
				map.durand.points.map((p) => apply(target, p)),
				...routes.map((r) =>
					Array.from({ length: 201 }, (_, j) => apply(target, r.geometry.at(j / 200).point))
				)
			];
			labels.forEach((a, i) => {
				for (const b of labels.slice(i + 1))
					if (overlaps(a.box, b.box)) found.push(`${where}: ${a.id} over ${b.id}`);
				for (const m of markerBoxes)
					if (!a.leader && overlaps(a.box, m.rect) && a.id !== `place:${m.id}`)
						found.push(`${where}: ${a.id} over marker ${m.id}`);
				const c = LINE_CLEARANCE - 0.5;
				const pad = a.id.startsWith('note:') ? [5 + c, 3 + c] : [c, c];
				const box = {
					x: a.box.x - pad[0]!,
					y: a.box.y - pad[1]!,
					width: a.box.width + 2 * pad[0]!,
					height: a.box.height + 2 * pad[1]!
				};
				for (const line of lines)
					if (line.some((p, j) => j > 0 && segmentHitsRect(line[j - 1]!, p, box)))
						found.push(`${where}: ${a.id} across a line`);
			});
		}
		expect(found).toEqual([]);
	});

	it("sets each place's name nearer its own point than any other point drawn", () => {
		expect(
			frames.flatMap(({ size, frame }) => misreadNames(frame, geo).map((m) => `${m} (${size})`))
		).toEqual([]);
	});

	it('measures every word a label holds from the table, none by the estimate', () => {
		const words = new Set(text.widths.words.split(' '));
		const missing = new Set<string>();
		for (const { frame } of frames)
			for (const l of frame.labels)
				for (const line of l.lines)
					for (const w of line.split(' ')) if (!words.has(w)) missing.add(w);
		expect([...missing]).toEqual([]);
	});

	it('sizes a label’s box by the shaped widths, not the character count', () => {
		const metrics = textMetrics(text.widths);
		const ratio = (n: string) => metrics.width(n, 12, 'bold') / textWidth(n, 12, 'bold');
		const ratios = Object.values(text.names)
			.map(ratio)
			.sort((a, b) => a - b);
		// A typical name is set in about 70% of the width the count gives it, the longest in
		// less; a few short ones need more than the count gives them.
		expect(ratios[Math.floor(ratios.length / 2)]).toBeLessThan(0.75);
		expect(ratio(name('PK-KP'))).toBeLessThan(0.75);
		expect(ratio(name('khost'))).toBeGreaterThan(1);
		const kp = name('PK-KP');
		const shaped = metrics.width(kp, 12, 'normal');
		const box = frames
			.flatMap((f) => f.frame.labels)
			.find((l) => l.id === 'province:PK-KP' && l.lines.length === 1)!.box;
		expect(box.width).toBe(shaped);
	});

	it('ships in the data block only the names its map can label, never the table’s sources', () => {
		const json = JSON.stringify(data.text);
		expect(Object.keys(data.text!.names)).not.toContain('loc');
		expect(Object.keys(data.text!.names)).not.toContain('KGZ');
		const sources = [...table.values()].map((r) => r.sources[lang]!);
		expect(sources.filter((s) => json.includes(s))).toEqual([]);
		expect(json).not.toMatch(/usage|outlet|Wikipedia/);
		expect(data.text!.font).toMatch(/^'Noto Naskh Arabic'/);
		expect(data.text!.dir).toBe('rtl');
	});
});

describe('the English map', () => {
	it('has no map text: its names are the map data’s, its widths the estimate', () => {
		const english = liveFrame(englishSteps[0]!);
		expect(english.labels.find((l) => l.id === 'country:AFG')?.text).toBe('AFGHANISTAN');
		expect(map.text).toBeUndefined();
	});
});
