/**
 * prepareMap: the base map projected once, as the page carries it. Checked on the committed
 * map data as the live map prepares it (realMap.ts), and once with a single grid as the static
 * maps do: the compact paths draw what d3 would have drawn, the Durand Line runs from its
 * northern end (where the fence starts), places land inside the frame and the scale is true.
 */
import { geoContains, geoDistance, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { NEIGHBOUR_EXTENT, prepareMap, type GridPath } from '../../../src/lib/map/prepareMap';
import { BASE_HEIGHT, BASE_WIDTH, createProjection } from '../../../src/lib/map/projection';
import { mapData } from '../../../src/lib/server/staticMap';
import { liveFrame, map, projection, steps } from './realMap';

/** Frames are computed on the real story (label placement included): slow on a busy machine. */
const SLOW = { timeout: 60_000 };

type Point = [number, number];
const { topology, places } = mapData();
const objects = topology.objects as unknown as Record<string, GeometryCollection>;
const features = (name: string) => feature(topology, objects[name]!).features;
const neighbourProjection = createProjection().clipExtent(NEIGHBOUR_EXTENT);

/**
 * Decodes compact path data (compactPath.ts: M x y, then relative m/l moves, z) into rings of
 * base-frame points: the coordinates the browser draws under `scale(1/grid)`.
 */
function decodeCompact({ d, grid }: GridPath): Point[][] {
	const rings: Point[][] = [];
	let x = 0;
	let y = 0;
	let start: Point = [0, 0];
	for (const [, cmd, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
		const n = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
		if (cmd === 'z' || cmd === 'Z') {
			[x, y] = start;
			continue;
		}
		if (cmd === 'M' || cmd === 'm') {
			[x, y] = cmd === 'M' ? [n[0]!, n[1]!] : [x + n[0]!, y + n[1]!];
			start = [x, y];
			rings.push([[x / grid, y / grid]]);
			continue;
		}
		// l: relative line segments, possibly several pairs.
		for (let i = 0; i + 1 < n.length; i += 2) {
			x += n[i]!;
			y += n[i + 1]!;
			rings.at(-1)!.push([x / grid, y / grid]);
		}
	}
	return rings;
}

/** d3's own SVG path string for the same object (absolute M/L/Z), as rings of points. */
function decodeD3(d: string | null): Point[][] {
	const rings: Point[][] = [];
	for (const [, cmd, args] of (d ?? '').matchAll(/([MLZ])([^MLZ]*)/g)) {
		if (cmd === 'Z') continue;
		const [x, y] = args!.split(',').map(Number) as Point;
		if (cmd === 'M') rings.push([[x, y]]);
		else rings.at(-1)!.push([x, y]);
	}
	return rings;
}

/**
 * Whether the compact rings draw d3's rings to within the grid: the same rings, each d3 point
 * within half a grid cell of its compact point, in order (points that fall in the same cell as
 * the previous one are merged, never reordered or invented).
 */
function sameWithinGrid(compact: Point[][], d3: Point[][], grid: number): string | null {
	const tol = 0.5 / grid + 1e-3; // half a cell, plus d3's 3-decimal output
	const gap = (a: Point, b: Point) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
	const near = (a: Point, b: Point) => gap(a, b) <= tol;
	// d3 writes a ring whose points all fall in one cell as a lone move; so does the compact path.
	if (compact.length !== d3.length) return `${compact.length} rings, d3 has ${d3.length}`;
	for (let r = 0; r < d3.length; r++) {
		const c = compact[r]!;
		let i = 0;
		let prev: Point | undefined;
		for (const p of d3[r]!) {
			const [cur, next] = [c[i]!, c[i + 1]];
			const stay = near(p, cur) && !(next && near(p, next) && gap(p, next) < gap(p, cur));
			if (!stay) {
				// On a cell's edge, d3's 3-decimal output may put the previous point in either
				// cell: a compact point the previous d3 point also fits may be passed over.
				let j = i + 1;
				while (j < c.length && !near(p, c[j]!) && prev && near(prev, c[j]!)) j++;
				if (j >= c.length || !near(p, c[j]!))
					return `ring ${r}: d3 point ${p} is not near compact point ${cur} or the next`;
				i = j;
			}
			prev = p;
		}
		if (i !== c.length - 1) return `ring ${r}: ${c.length - 1 - i} compact points d3 does not draw`;
	}
	return null;
}

describe('prepareMap: compact paths', SLOW, () => {
	const countries = features('countries');
	const afpak = (f: { properties: unknown }) =>
		['AFG', 'PAK'].includes(String((f.properties as { iso3?: string }).iso3));

	it('draw every country as d3 would, to within their grid', () => {
		for (const c of map.countries) {
			const f = countries.find((x) => (x.properties as { iso3: string }).iso3 === c.iso3)!;
			const proj = afpak(f) ? projection : neighbourProjection;
			const problem = sameWithinGrid(
				decodeCompact(c),
				decodeD3(geoPath(proj)(f as GeoPermissibleObjects)),
				c.grid
			);
			expect(problem, c.iso3).toBeNull();
		}
	});

	it('draw every province and the province borders as d3 would, to within their grid', () => {
		const provinces = features('provinces');
		for (const p of map.provinces) {
			const f = provinces.find((x) => (x.properties as { iso: string }).iso === p.iso)!;
			const problem = sameWithinGrid(
				decodeCompact(p),
				decodeD3(geoPath(projection)(f as GeoPermissibleObjects)),
				p.grid
			);
			expect(problem, p.name).toBeNull();
		}
		const borders = mesh(
			topology,
			objects.provinces!,
			(a, b) =>
				a !== b &&
				(a.properties as { adm0?: string })?.adm0 === (b.properties as { adm0?: string })?.adm0
		);
		expect(
			sameWithinGrid(
				decodeCompact(map.provinceBorders),
				decodeD3(geoPath(projection)(borders)),
				map.provinceBorders.grid
			)
		).toBeNull();
	});

	it('draw the Line of Control as d3 would', () => {
		const loc = features('loc');
		expect(map.loc.length).toBe(loc.length);
		map.loc.forEach((l, i) => {
			const problem = sameWithinGrid(
				decodeCompact(l),
				decodeD3(geoPath(projection)(loc[i] as GeoPermissibleObjects)),
				l.grid
			);
			expect(problem, l.kind).toBeNull();
		});
	});

	it('draw the Durand Line to within a pixel at the closest zoom a desktop reader meets', () => {
		// The live map is drawn once and only scaled: its grid is what a close-up shows. The
		// camera rests by view (on desktop nothing else moves it): one step per view will do.
		const byView = [...new Map(steps.map((s) => [s.view.id, s])).values()];
		for (const viewport of [
			{ width: 960, height: 900 }, // 1440×900
			{ width: 1280, height: 1080 } // 1920×1080
		]) {
			const k = Math.max(...byView.map((s) => liveFrame(s, { kind: 'live', viewport }).target.k));
			expect(k).toBeGreaterThan(1);
			expect(k / map.durand.path.grid, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(
				1
			);
		}
	});

	it('decode the same with one grid, as the static maps draw them', () => {
		const stat = prepareMap(topology, places, createProjection(), { grid: 3 });
		for (const c of stat.countries) {
			const f = countries.find((x) => (x.properties as { iso3: string }).iso3 === c.iso3)!;
			expect(c.grid).toBe(3);
			const problem = sameWithinGrid(
				decodeCompact(c),
				decodeD3(geoPath(createProjection())(f as GeoPermissibleObjects)),
				3
			);
			expect(problem, c.iso3).toBeNull();
		}
	});
});

describe('prepareMap: the Durand Line', () => {
	const raw = (features('durand')[0]!.geometry as unknown as { coordinates: Point[] }).coordinates;
	const [north, south] = [raw[0]!, raw.at(-1)!].sort((a, b) => b[1] - a[1]) as [Point, Point];

	it('runs from its northern end to its southern end, so the fence is drawn from the north', () => {
		const { points } = map.durand;
		const at = (p: Point) => projection(p)!;
		// Apart along either axis: grid rounding moves a point up to half a cell in each.
		const d = (a: Point, b: Point) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
		expect(d(points[0]!, at(north))).toBeLessThan(0.01);
		expect(d(points.at(-1)!, at(south))).toBeLessThan(0.01);
		// The drawn path (which the fence dashes from its start) begins there too.
		const [first] = decodeCompact(map.durand.path);
		expect(d(first![0]!, at(north))).toBeLessThanOrEqual(0.5 / map.durand.path.grid + 1e-9);
		expect(d(first!.at(-1)!, at(south))).toBeLessThanOrEqual(0.5 / map.durand.path.grid + 1e-9);
	});

	it('is drawn through its points, and measured along them', () => {
		const [ring] = decodeCompact(map.durand.path);
		const grid = map.durand.path.grid;
		const pts = map.durand.points;
		expect(sameWithinGrid([ring!], [pts], grid)).toBeNull();
		const { cum } = map.durand;
		expect(cum).toHaveLength(pts.length);
		let total = 0;
		for (let i = 1; i < pts.length; i++)
			total += Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
		expect(cum.at(-1)).toBeCloseTo(total, 6);
	});
});

describe('prepareMap: places, provinces and scale', () => {
	it('projects every place inside the base frame', () => {
		expect(map.places.size).toBe(places.length);
		for (const p of places) {
			const xy = map.places.get(p.id)?.xy;
			expect(xy, p.id).toBeDefined();
			expect(xy![0], p.id).toBeGreaterThan(0);
			expect(xy![0], p.id).toBeLessThan(BASE_WIDTH);
			expect(xy![1], p.id).toBeGreaterThan(0);
			expect(xy![1], p.id).toBeLessThan(BASE_HEIGHT);
		}
	});

	it('puts places where they are: north up, east right', () => {
		const xy = (id: string) => map.places.get(id)!.xy;
		// Herat is west of Kabul, Quetta south of Kabul, Islamabad east of Peshawar.
		expect(xy('herat')[0]).toBeLessThan(xy('kabul')[0]);
		expect(xy('quetta')[1]).toBeGreaterThan(xy('kabul')[1]);
		expect(xy('islamabad')[0]).toBeGreaterThan(xy('peshawar')[0]);
	});

	it('knows how many km a base unit is, so the scale bar and approximate areas are true', () => {
		for (const [a, b] of [
			['kabul', 'peshawar'],
			['quetta', 'kandahar'],
			['khost', 'miranshah']
		] as const) {
			const [p, q] = [map.places.get(a)!, map.places.get(b)!];
			const km = geoDistance([p.place.lon, p.place.lat], [q.place.lon, q.place.lat]) * 6371;
			const units = Math.hypot(p.xy[0] - q.xy[0], p.xy[1] - q.xy[1]);
			expect((units * map.kmPerUnit) / km, `${a}–${b}`).toBeGreaterThan(0.97);
			expect((units * map.kmPerUnit) / km, `${a}–${b}`).toBeLessThan(1.03);
		}
	});

	it('draws every province a step highlights', () => {
		const highlighted = new Set(steps.flatMap((s) => s.highlight));
		expect(highlighted.size).toBeGreaterThan(0);
		for (const name of highlighted) {
			const p = map.provinces.find((x) => x.name === name);
			expect(p, name).toBeDefined();
			expect(decodeCompact(p!).flat().length, name).toBeGreaterThan(3);
		}
	});

	const provinceFeatures = features('provinces');
	const anchoredInside = (iso: string) => {
		const p = map.provinces.find((x) => x.iso === iso)!;
		const f = provinceFeatures.find((x) => (x.properties as { iso: string }).iso === iso)!;
		return geoContains(f as GeoPermissibleObjects, projection.invert!(p.centroid)!);
	};
	/** Provinces whose label point is known to fall outside them (see the it.fails below). */
	const OUTSIDE = ['PK-JK'];

	it('anchors each province’s name inside the province', () => {
		for (const p of map.provinces.filter((x) => !OUTSIDE.includes(x.iso)))
			expect(anchoredInside(p.iso), p.name).toBe(true);
	});

	// BUG (prepareMap.ts): province names are anchored at the area centroid, and
	// Azad Kashmir's (a crescent) falls outside it, in Indian-administered Kashmir (74.02°E
	// 34.12°N, about 7 km across the Line of Control). Its label is drawn centred there on the
	// desktop map at durand-1893 and crss-2023 (province-labels layer). Remove `.fails` when
	// names are anchored at a point inside their province.
	it.fails('anchors Azad Kashmir’s name inside Azad Kashmir', () => {
		expect(anchoredInside('PK-JK')).toBe(true);
	});
});
