import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { fitsSpot, insidePolygon, nameSpots } from '../../../src/lib/map/nameSpots';
import type { Point } from '../../../src/lib/map/polyline';
import { mapData } from '../../../src/lib/server/staticMap';
import { map, projection } from './realMap';

// An L: a wide foot (0–100 × 0–30) and a tall arm (0–30 × 30–100).
const L: Point[][][] = [
	[
		[
			[0, 0],
			[100, 0],
			[100, 30],
			[30, 30],
			[30, 100],
			[0, 100],
			[0, 0]
		]
	]
];

describe('nameSpots', () => {
	it('finds points deep inside an area, the roomiest first, apart from each other', () => {
		const spots = nameSpots(L);
		expect(spots.length).toBe(3);
		for (const [x, y] of spots) expect(insidePolygon([x, y], L[0]!)).toBe(true);
		const rooms = spots.map((s) => s[2]);
		expect(rooms).toEqual([...rooms].sort((a, b) => b - a));
		// The L is 30 wide: the elbow, where foot and arm meet, has the most room (15.6 on the
		// grid); the foot and the arm have 14.4 across their width.
		expect(rooms[0]).toBeCloseTo(15.625);
		for (const r of rooms.slice(1)) expect(r).toBeCloseTo(14.375);
		for (let i = 0; i < spots.length; i++)
			for (let j = i + 1; j < spots.length; j++)
				expect(
					Math.hypot(spots[i]![0] - spots[j]![0], spots[i]![1] - spots[j]![1])
				).toBeGreaterThanOrEqual(25);
		// Away from the elbow: a long area has room far from where its name would first go.
		expect(spots.some(([x, y]) => x > 50 || y > 50)).toBe(true);
	});

	it('keeps out of holes and takes the largest part of a multipart area', () => {
		const ring = (x: number, y: number, w: number): Point[] => [
			[x, y],
			[x + w, y],
			[x + w, y + w],
			[x, y + w],
			[x, y]
		];
		const donut: Point[][] = [ring(0, 0, 90), ring(30, 30, 30)];
		for (const [x, y] of nameSpots([[ring(200, 200, 10)], donut]))
			expect(insidePolygon([x, y], donut)).toBe(true);
	});

	it('lets a name stand at a spot only within its room', () => {
		const box = (w: number, h: number) => ({ x: 50 - w / 2, y: 50 - h / 2, width: w, height: h });
		expect(fitsSpot(box(40, 12), [50, 50], 15)).toBe(true);
		expect(fitsSpot(box(80, 12), [50, 50], 15)).toBe(false);
	});
});

describe('the provinces’ name spots', () => {
	const provinces = feature(
		mapData().topology,
		(mapData().topology.objects as Record<string, GeometryCollection>).provinces!
	).features;

	it('lie inside their province, with room, for every province', () => {
		const outside: string[] = [];
		for (const p of map.provinces) {
			const f = provinces.find((x) => (x.properties as { iso: string }).iso === p.iso)!;
			expect(p.spots.length, p.name).toBeGreaterThan(0);
			for (const [x, y, room] of p.spots) {
				const lonlat = projection.invert!([x, y]);
				if (!lonlat || !geoContains(f, lonlat) || !(room > 0)) outside.push(`${p.name} ${x},${y}`);
			}
		}
		expect(outside).toEqual([]);
	});
});
