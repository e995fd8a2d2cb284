/**
 * The story's label rules (stepLabels.ts) on the real map data and story: no label is written
 * across the Durand Line or a route, both countries are named in every view, and the districts
 * a step names are labelled inside Pakistan at their gazetteer positions.
 */
import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { apply, type Camera, type Viewport } from '../../../src/lib/map/camera';
import { parsePlaces, parseTopology } from '../../../src/lib/map/data';
import type { MapFrame } from '../../../src/lib/map/frame';
import { mapFrame } from '../../../src/lib/map/frameLabels';
import { prepareMap } from '../../../src/lib/map/prepareMap';
import {
	LINE_CLEARANCE,
	nearestInRect,
	segmentHitsRect,
	type Rect
} from '../../../src/lib/map/labelPlacement';
import { districtsNamed } from '../../../src/lib/map/stepLabels';
import { createProjection } from '../../../src/lib/map/projection';
import { mapSteps } from '../../../src/lib/map/mapState';
import { parseStory } from '../../../src/lib/story/parse';
import { KNOWN } from '../story/fixtures';
import { misreadNames } from './misreadNames';
import { PLACES_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';

const story = parseStory(
	readFileSync('src/content/story.aml', 'utf8'),
	'src/content/story.aml',
	KNOWN
);
const topology = parseTopology(readFileSync(TOPO_FILE, 'utf8'), 'topo');
const places = parsePlaces(readFileSync(PLACES_FILE, 'utf8'), 'places');
const projection = createProjection();
const map = prepareMap(topology, places, projection);
const steps = mapSteps(story);
const countries = feature(topology, topology.objects.countries).features;

/**
 * The live map at the two sizes the story is tested at (its frame as the island computes it):
 * desktop, and a phone with a short and a tall text card over the foot of the map.
 */
const SIZES: { name: string; viewport: Viewport; cardHeight?: number }[] = [
	{ name: 'desktop', viewport: { width: 977, height: 900 } },
	{ name: 'phone, short card', viewport: { width: 390, height: 844 }, cardHeight: 300 },
	{ name: 'phone, tall card', viewport: { width: 390, height: 844 }, cardHeight: 400 }
];

const frames = new Map<string, MapFrame>();
function frame(i: number, size: (typeof SIZES)[number]): MapFrame {
	const key = `${size.name}:${i}`;
	let f = frames.get(key);
	if (!f)
		frames.set(
			key,
			(f = mapFrame(steps[i]!, map, projection, {
				kind: 'live',
				viewport: size.viewport,
				cardHeight: size.cardHeight
			}))
		);
	return f;
}

/** The country a screen point lies in, from the map data itself (not the label code's guess). */
function countryAt(camera: Camera, [x, y]: [number, number]): string | null {
	const lonlat = projection.invert!([(x - camera.x) / camera.k, (y - camera.y) / camera.k]);
	if (!lonlat) return null;
	return (countries.find((c) => geoContains(c, lonlat))?.properties as { iso3: string })?.iso3;
}

const crossed = (line: [number, number][], box: Rect) =>
	line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, box));

describe('labelsFor on the real story', { timeout: 60_000 }, () => {
	for (const size of SIZES)
		it(`writes no label across the Durand Line or a route, at any step (${size.name})`, () => {
			const found: string[] = [];
			steps.forEach((step, i) => {
				const { target, routes, labels } = frame(i, size);
				const lines = [
					{ name: 'durand', points: map.durand.points.map((p) => apply(target, p)) },
					...routes.map((r) => ({
						name: r.route.id,
						points: Array.from({ length: 201 }, (_, j) =>
							apply(target, r.geometry.at(j / 200).point)
						)
					}))
				];
				for (const l of labels) {
					// Note boxes are drawn 5 px and 3 px outside their text.
					const pad: [number, number] = l.id.startsWith('note:') ? [5, 3] : [0, 0];
					const c = LINE_CLEARANCE - 0.5;
					const box = {
						x: l.box.x - pad[0] - c,
						y: l.box.y - pad[1] - c,
						width: l.box.width + 2 * (pad[0] + c),
						height: l.box.height + 2 * (pad[1] + c)
					};
					for (const line of lines)
						if (crossed(line.points, box)) found.push(`${step.id}: ${l.id} × ${line.name}`);
				}
			});
			expect(found).toEqual([]);
		});

	for (const size of SIZES)
		it(`names Afghanistan and Pakistan, inside each, and the Durand Line in every view (${size.name})`, () => {
			const missing: string[] = [];
			steps.forEach((step, i) => {
				const { target, labels } = frame(i, size);
				if (!labels.some((x) => x.id === 'durand')) missing.push(`${step.id}: Durand Line`);
				for (const iso of ['AFG', 'PAK']) {
					const l = labels.find((x) => x.id === `country:${iso}`);
					if (!l) missing.push(`${step.id}: ${iso}`);
					else if (
						countryAt(target, [l.box.x + l.box.width / 2, l.box.y + l.box.height / 2]) !== iso
					)
						missing.push(`${step.id}: ${iso} named outside it`);
				}
			});
			expect(missing).toEqual([]);
		});

	it('labels the districts the close-ups are about, inside Pakistan, never over Afghanistan', () => {
		const desktop = SIZES[0]!;
		const at = (id: string) => {
			const i = steps.findIndex((s) => s.id === id);
			return i < 0 ? null : frame(i, desktop);
		};
		const expectations: Record<string, string[]> = {
			'prologue-strikes': ['district:north-waziristan', 'district:south-waziristan'],
			'makeen-2024': ['district:south-waziristan'],
			'march-unknowns': ['district:north-waziristan']
		};
		for (const [id, wanted] of Object.entries(expectations)) {
			const f = at(id);
			if (!f) continue; // the step was renamed in the story document
			const ids = f.labels.map((l) => l.id);
			for (const w of wanted) expect(ids, id).toContain(w);
		}
		for (const size of SIZES)
			steps.forEach((step, i) => {
				const { target, labels } = frame(i, size);
				for (const l of labels.filter((x) => x.id.startsWith('district:'))) {
					const b = l.box;
					const corners: [number, number][] = [
						[b.x, b.y],
						[b.x + b.width, b.y],
						[b.x, b.y + b.height],
						[b.x + b.width, b.y + b.height]
					];
					for (const c of corners)
						expect(countryAt(target, c), `${step.id} ${l.id} (${size.name})`).toBe('PAK');
				}
			});
	});

	for (const size of SIZES)
		it(`sets each place's name nearer its own point than any other point drawn (${size.name})`, () => {
			const confused = steps.flatMap((_, i) => misreadNames(frame(i, size), map));
			expect(confused).toEqual([]);
		});

	for (const size of SIZES)
		it(`sets no two names side by side on a line, where they would read as one (${size.name})`, () => {
			const found: string[] = [];
			steps.forEach((step, i) => {
				const { labels } = frame(i, size);
				labels.forEach((a, j) => {
					for (const b of labels.slice(j + 1)) {
						const shared =
							Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
						if (shared < Math.min(a.box.height, b.box.height) / 2) continue;
						const gap = Math.max(
							b.box.x - (a.box.x + a.box.width),
							a.box.x - (b.box.x + b.box.width)
						);
						// Half an em of the smaller type: more than a word space.
						if (gap < 0.5 * Math.min(a.fontSize, b.fontSize))
							found.push(`${step.id}: ${a.id} ${b.id}`);
					}
				});
			});
			expect(found).toEqual([]);
		});

	for (const size of SIZES)
		it(`names a city in its own country, never across the Durand Line (${size.name})`, () => {
			const found: string[] = [];
			steps.forEach((step, i) => {
				const { target, labels, reference } = frame(i, size);
				for (const id of reference) {
					const p = map.places.get(id)!;
					const l = labels.find((x) => x.id === `place:${id}`);
					if (p.place.kind !== 'city' || !l) continue;
					const home = countryAt(target, apply(target, p.xy));
					const { x, y, width: w, height: h } = l.box;
					for (const c of [
						[x, y],
						[x + w, y],
						[x, y + h],
						[x + w, y + h]
					] as [number, number][]) {
						// Afghanistan's and Pakistan's cities, each on its own side of the line.
						const there = countryAt(target, c);
						if (there !== home && (there === 'AFG' || there === 'PAK'))
							found.push(`${step.id}: ${id} in ${there}`);
					}
				}
			});
			expect(found).toEqual([]);
		});

	for (const size of SIZES)
		it(`names a province away from its centroid only inside it (${size.name})`, () => {
			const found: string[] = [];
			const provinces = feature(topology, topology.objects.provinces!).features;
			steps.forEach((step, i) => {
				const { target, labels } = frame(i, size);
				// At its centroid a small province's name may stand beside it, as it always has;
				// moved elsewhere (where the centroid's room is taken), it stands inside.
				const provinceLabels = labels.filter((x) => x.id.startsWith('province:'));
				for (const l of provinceLabels) {
					const c = apply(
						target,
						map.provinces.find((p) => `province:${p.iso}` === l.id)!.centroid
					);
					const [nx, ny] = nearestInRect(c[0], c[1], l.box);
					if (Math.hypot(nx - c[0], ny - c[1]) <= 4) continue;
					const f = provinces.find(
						(p) => `province:${(p.properties as { iso: string }).iso}` === l.id
					)!;
					const mid: [number, number] = [l.box.x + l.box.width / 2, l.box.y + l.box.height / 2];
					const lonlat = projection.invert!([
						(mid[0] - target.x) / target.k,
						(mid[1] - target.y) / target.k
					]);
					if (!lonlat || !geoContains(f, lonlat)) found.push(`${step.id}: ${l.id}`);
				}
			});
			expect(found).toEqual([]);
		});

	it('leaves a district a marker already names to that marker', () => {
		const i = steps.findIndex((s) => s.id === 'prologue-strikes');
		if (i < 0) return;
		const { state, labels } = frame(i, SIZES[0]!);
		if (!state.markers.some((m) => /Kurram/.test(m.label ?? ''))) return;
		expect(labels.map((l) => l.id)).not.toContain('district:kurram');
	});
});

describe('districtsNamed', () => {
	const districts = [
		{ id: 'kurram', names: ['Kurram', 'Upper Kurram', 'Lower Kurram'] },
		{ id: 'nw', names: ['North Waziristan', 'Waziristan'] },
		{ id: 'sw', names: ['South Waziristan', 'Upper South Waziristan', 'Waziristan'] },
		{ id: 'khyber', names: ['Khyber district', 'Khyber'] }
	];
	const named = (t: string) => districtsNamed([t], districts, ['Khyber Pakhtunkhwa']);

	it('finds names whatever the case, accents, dashes or punctuation', () => {
		expect(named('fire in KURRAM, on the 14th')).toEqual(['kurram']);
		expect(named('The Kurram–Khost–Paktia frontier')).toEqual(['kurram']);
		expect(named('Upper Kurram posts')).toEqual(['kurram']);
		expect(named('in the Makeen area of South Waziristan.')).toEqual(['sw']);
		expect(named('Makin, Upper South Waziristan')).toEqual(['sw']);
	});

	it('reads "North and South Waziristan" as both, and a bare "Waziristan" as both', () => {
		expect(named('Barmal in Paktika and North and South Waziristan')).toEqual(['nw', 'sw']);
		expect(named("Pakistan's Waziristan and Kurram districts")).toEqual(['kurram', 'nw', 'sw']);
		expect(named('a town in North Waziristan')).toEqual(['nw']);
	});

	it('does not take a province or a longer word for a district', () => {
		expect(named('Khyber Pakhtunkhwa is highlighted')).toEqual([]);
		expect(named('Khyber Pakhtunkhwa and Khyber')).toEqual(['khyber']);
		expect(named('Kurramabad')).toEqual([]);
		expect(named('')).toEqual([]);
	});
});
