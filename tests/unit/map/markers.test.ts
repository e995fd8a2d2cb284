/**
 * What MarkerLayer actually draws (rendered with svelte/server, as the static maps, embeds and
 * share image render it): a place flagged approximate, or snapped onto the drawn Durand Line
 * farther than the line's stated error, is never drawn as a point symbol, as a step's marker or
 * as a reference dot.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MarkerLayer from '../../../src/lib/map/layers/MarkerLayer.svelte';
import { DURAND_ERROR_KM, drawnAsArea } from '../../../src/lib/map/approximate';
import { fitBounds } from '../../../src/lib/map/camera';
import { parsePlaces, parseTopology, type Place } from '../../../src/lib/map/data';
import { prepareMap } from '../../../src/lib/map/prepareMap';
import { createProjection, projectBbox } from '../../../src/lib/map/projection';
import type { Marker } from '../../../src/lib/story/types';
import { PLACES_FILE, PROVENANCE_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';

const topology = parseTopology(readFileSync(resolve(TOPO_FILE), 'utf8'), 'afpak.topo.json');
const places = parsePlaces(readFileSync(resolve(PLACES_FILE), 'utf8'), 'places.json');
const provenance = JSON.parse(readFileSync(resolve(PROVENANCE_FILE), 'utf8'));
const projection = createProjection();
const viewport = { width: 1000, height: 800 };
/** The frontier close-up and the whole border: every crossing is on screen in one of them. */
const cameras = {
	frontier: fitBounds(projectBbox(projection, [68.3, 31.9, 71.5, 34.4]), viewport),
	border: fitBounds(projectBbox(projection, [60.5, 28.8, 75.5, 37.6]), viewport)
};
const KINDS: Marker['kind'][] = ['strike', 'attack', 'clash', 'crossing', 'city', 'event'];

interface Shape {
	tag: string;
	attrs: Record<string, string>;
}

function shapes(svg: string): Shape[] {
	return [...svg.matchAll(/<(rect|circle|path|polygon|line|use|image|text)\b([^>]*)>/g)].map(
		([, tag, raw]) => ({
			tag: tag as string,
			attrs: Object.fromEntries(
				[...(raw as string).matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])
			) as Record<string, string>
		})
	);
}

/** The shapes drawn for each marker, by place id. */
function markerShapes(svg: string): Map<string, Shape[]> {
	const out = new Map<string, Shape[]>();
	for (const m of svg.matchAll(/<g\b[^>]*data-marker="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g))
		out.set(m[1] as string, shapes(m[2] as string));
	return out;
}

/**
 * An approximate area: a dashed, translucent circle at least `minR` px across, and nothing else.
 * Anything else (a square, a diamond, a triangle, a cross, a small or solid dot) is a point.
 */
function isArea(drawn: Shape[], minR: number): boolean {
	if (drawn.length !== 1) return false;
	const [s] = drawn as [Shape];
	return (
		s.tag === 'circle' &&
		Number(s.attrs.r) >= minR &&
		!!s.attrs['stroke-dasharray'] &&
		Number(s.attrs['fill-opacity'] ?? 1) < 0.5
	);
}

const prepared = new Map<Place[], ReturnType<typeof prepareMap>>();

function draw(all: Place[], camera: (typeof cameras)[keyof typeof cameras], kind: Marker['kind']) {
	let map = prepared.get(all);
	if (!map) prepared.set(all, (map = prepareMap(topology, all, projection)));
	const markers: Marker[] = all.map((p) => ({ place: p.id, kind, status: 'documented' }));
	const asMarkers = render(MarkerLayer, { props: { map, markers, reference: [], camera } }).body;
	const asReference = render(MarkerLayer, {
		props: { map, markers: [], reference: all.map((p) => p.id), camera }
	}).body;
	return { asMarkers, asReference };
}

describe('MarkerLayer: approximate places are never pins', () => {
	it("reads the drawn line's stated error from the map data's provenance", () => {
		expect(DURAND_ERROR_KM).toBe(provenance.durandErrorKm);
		expect(DURAND_ERROR_KM).toBeGreaterThan(0);
	});

	it('draws every place flagged approximate or snapped beyond the error as an area, as a marker of any kind and as a reference dot', () => {
		const mustBeAreas = places.filter((p) => p.approximate || (p.snappedKm ?? 0) > DURAND_ERROR_KM);
		expect(mustBeAreas.map((p) => p.id)).toEqual(
			expect.arrayContaining(['barmal', 'ghulam-khan', 'chaman-crossing'])
		);
		for (const [view, camera] of Object.entries(cameras))
			for (const kind of KINDS) {
				const { asMarkers, asReference } = draw(places, camera, kind);
				const drawn = markerShapes(asMarkers);
				const refs = shapes(asReference).filter((s) => s.attrs['data-reference']);
				for (const p of mustBeAreas) {
					expect(isArea(drawn.get(p.id) ?? [], 12), `${p.id} as a ${kind} marker (${view})`).toBe(
						true
					);
					expect(
						drawn.get(p.id)?.map((s) => s.tag),
						`${p.id} as a ${kind} marker`
					).toEqual(['circle']);
				}
				for (const p of mustBeAreas) {
					const own = refs.filter((s) => s.attrs['data-reference'] === p.id);
					expect(isArea(own, 7), `${p.id} as a reference dot (${view})`).toBe(true);
				}
			}
	});

	it('follows the rule, not only the flag: a crossing snapped farther than the error is an area', () => {
		const torkham = places.find((p) => p.id === 'torkham') as Place;
		const snapped: Place = {
			...torkham,
			id: 'far-snap',
			approximate: false,
			snappedKm: DURAND_ERROR_KM + 0.5
		};
		const near: Place = { ...torkham, id: 'near-snap', approximate: false, snappedKm: 1 };
		expect(drawnAsArea(snapped)).toBe(true);
		expect(drawnAsArea(near)).toBe(false);
		const both = [snapped, near];
		for (const kind of KINDS) {
			const { asMarkers, asReference } = draw(both, cameras.frontier, kind);
			const drawn = markerShapes(asMarkers);
			expect(isArea(drawn.get('far-snap') ?? [], 12), `far-snap as ${kind}`).toBe(true);
			// The test can tell a pin from an area: a well-placed crossing stays a pin.
			expect(isArea(drawn.get('near-snap') ?? [], 12), `near-snap as ${kind}`).toBe(false);
			const refs = shapes(asReference);
			const far = refs.filter((s) => s.attrs['data-reference'] === 'far-snap');
			const nearRef = refs.filter((s) => s.attrs['data-reference'] === 'near-snap');
			expect(isArea(far, 7)).toBe(true);
			expect(nearRef.map((s) => s.tag)).toEqual(['rect']);
		}
	});
});
