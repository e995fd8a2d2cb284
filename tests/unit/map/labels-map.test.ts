/**
 * The story's label rules (mapLabels.ts) on the real map data and story: no label is written
 * across the Durand Line or a route, both countries are named in every view, and the districts
 * a step names are labelled inside Pakistan at their gazetteer positions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, fitBounds, type Insets, type Viewport } from '../../../src/lib/map/camera';
import { parsePlaces, parseTopology } from '../../../src/lib/map/data';
import { prepareMap } from '../../../src/lib/map/geometry';
import { LINE_CLEARANCE, segmentHitsRect, type Rect } from '../../../src/lib/map/labels';
import {
	countryContains,
	districtsNamed,
	labelsFor,
	type LabelInput
} from '../../../src/lib/map/mapLabels';
import { createProjection, projectBbox } from '../../../src/lib/map/projection';
import { routeGeometry } from '../../../src/lib/map/routes';
import { flattenSteps, mapStateAt } from '../../../src/lib/map/state';
import { parseStory } from '../../../src/lib/story/parse';
import { KNOWN } from '../story/fixtures';

const story = parseStory(
	readFileSync('src/content/story.aml', 'utf8'),
	'src/content/story.aml',
	KNOWN
);
const topology = parseTopology(readFileSync('static/data/afpak.topo.json', 'utf8'), 'topo');
const places = parsePlaces(readFileSync('static/data/places.json', 'utf8'), 'places');
const projection = createProjection();
const map = prepareMap(topology, places, projection);
const steps = flattenSteps(story);

/** The two sizes the story is tested at, with the map's insets there (see StoryMap). */
const SIZES: { name: string; viewport: Viewport; insets: Insets; phone: boolean }[] = [
	{
		name: 'desktop',
		viewport: { width: 977, height: 900 },
		insets: { top: 92, right: 28, bottom: 36, left: 28 },
		phone: false
	},
	// Phones: the text card covers 42-62% of the screen; a short and a long card.
	...[360, 440].map((bottom) => ({
		name: `phone, card space ${bottom} px`,
		viewport: { width: 390, height: 844 },
		insets: { top: 132, right: 14, bottom, left: 14 },
		phone: true
	}))
];

const frames = new Map<string, ReturnType<typeof computeFrame>>();
function frame(i: number, size: (typeof SIZES)[number]) {
	const key = `${size.name}:${i}`;
	let f = frames.get(key);
	if (!f) frames.set(key, (f = computeFrame(i, size)));
	return f;
}

function computeFrame(i: number, size: (typeof SIZES)[number]) {
	const state = mapStateAt(story, i, 1, { reducedMotion: true });
	const v = state.view;
	const camera = fitBounds(
		projectBbox(projection, size.phone && v.phone ? v.phone : v.bbox),
		size.viewport,
		size.insets
	);
	const routes = state.routes.flatMap(({ route }) => {
		const from = map.places.get(route.from);
		const to = map.places.get(route.to);
		if (!from || !to) return [];
		const geometry = routeGeometry(from.xy, to.xy, route.bend ?? 0.12, 9 / camera.k);
		return [{ id: route.id, label: route.label, geometry }];
	});
	const markers = state.markers.flatMap((m) => {
		const p = map.places.get(m.place);
		if (!p) return [];
		const [x, y] = apply(camera, p.xy);
		return [{ id: m.place, rect: { x: x - 8, y: y - 8, width: 16, height: 16 } }];
	});
	const input: LabelInput = {
		map,
		state,
		camera,
		viewport: size.viewport,
		insets: size.insets,
		projection: (p) => projection(p) as [number, number] | null,
		routes,
		markers,
		reserved: [],
		fontSize: 13
	};
	return { state, camera, routes, labels: labelsFor(input) };
}

const crossed = (line: [number, number][], box: Rect) =>
	line.some((p, i) => i > 0 && segmentHitsRect(line[i - 1]!, p, box));

describe('labelsFor on the real story', { timeout: 60_000 }, () => {
	for (const size of SIZES)
		it(`writes no label across the Durand Line or a route, at any step (${size.name})`, () => {
			const found: string[] = [];
			steps.forEach((step, i) => {
				const { camera, routes, labels } = frame(i, size);
				const durand = map.durand.points.map((p) => apply(camera, p));
				const lines = [
					{ name: 'durand', points: durand },
					...routes.map((r) => ({
						name: r.id,
						points: Array.from({ length: 201 }, (_, j) =>
							apply(camera, r.geometry.at(j / 200).point)
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
				const { camera, labels } = frame(i, size);
				if (!labels.some((x) => x.id === 'durand')) missing.push(`${step.id}: Durand Line`);
				for (const iso of ['AFG', 'PAK']) {
					const l = labels.find((x) => x.id === `country:${iso}`);
					if (!l) {
						missing.push(`${step.id}: ${iso}`);
						continue;
					}
					const inside = countryContains(map, iso, camera);
					if (!inside(l.box.x + l.box.width / 2, l.box.y + l.box.height / 2))
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
				const { camera, labels } = frame(i, size);
				const pak = countryContains(map, 'PAK', camera);
				for (const l of labels.filter((x) => x.id.startsWith('district:'))) {
					const b = l.box;
					const corners: [number, number][] = [
						[b.x, b.y],
						[b.x + b.width, b.y],
						[b.x, b.y + b.height],
						[b.x + b.width, b.y + b.height]
					];
					for (const [x, y] of corners)
						expect(pak(x, y), `${step.id} ${l.id} (${size.name})`).toBe(true);
				}
			});
	});

	it('leaves a district a marker already names to that marker', () => {
		const i = steps.findIndex((s) => s.id === 'prologue-strikes');
		if (i < 0) return;
		const { state, labels } = frame(i, SIZES[0]!);
		expect(state.markers.some((m) => /Kurram/.test(m.label ?? ''))).toBe(true);
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
