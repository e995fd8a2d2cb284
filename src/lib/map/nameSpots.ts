import type { Point } from './polyline';

/** A point deep inside an area and its room: the distance from it to the area's nearest edge. */
export type NameSpot = [x: number, y: number, room: number];

/**
 * Where an area's name may stand besides its centroid: the points deepest inside it, farthest
 * from its edges, and apart from each other, each with its room. A province's name that finds
 * its centroid taken (by the Durand Line's note, a city, a marker) tries these, where it fits
 * (fitsSpot), before it is left out; a long or bent province (Punjab) has room far from its
 * centroid.
 *
 * Computed once, at build time, on the projected outline: a grid over the largest part's box,
 * each point inside it scored by its distance to the nearest edge, the deepest taken first, each
 * a quarter of the area's size from those taken. A shallow spot costs nothing: a name stands
 * there only if it fits its room.
 */
export function nameSpots(polygons: Point[][][], count = 3, cells = 16): NameSpot[] {
	const largest = polygons.reduce<Point[][] | null>(
		(best, p) => (best === null || ringArea(p[0] ?? []) > ringArea(best[0] ?? []) ? p : best),
		null
	);
	const outer = largest?.[0];
	if (!largest || !outer || outer.length < 3) return [];
	const xs = outer.map((p) => p[0]);
	const ys = outer.map((p) => p[1]);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const size = Math.max(x1 - x0, y1 - y0);
	if (!(size > 0)) return [];
	const step = size / cells;
	const scored: { p: Point; clearance: number }[] = [];
	for (let x = x0 + step / 2; x < x1; x += step)
		for (let y = y0 + step / 2; y < y1; y += step) {
			const p: Point = [x, y];
			if (insidePolygon(p, largest)) scored.push({ p, clearance: edgeDistance(p, largest) });
		}
	scored.sort((a, b) => b.clearance - a.clearance);
	// Apart: a quarter of the area's size, so the spots are different places, not one spot thrice.
	const apart = size / 4;
	const spots: NameSpot[] = [];
	for (const { p, clearance } of scored) {
		if (spots.length >= count) break;
		if (spots.every((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) >= apart))
			spots.push([p[0], p[1], clearance]);
	}
	return spots;
}

/** Unsigned area of a ring (shoelace). */
function ringArea(ring: Point[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
		a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
	return Math.abs(a / 2);
}

/** Even-odd rule over all of a polygon's rings: inside its outline and outside its holes. */
export function insidePolygon([x, y]: Point, rings: Point[][]): boolean {
	let inside = false;
	for (const ring of rings)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	return inside;
}

/** Distance from a point to the nearest edge of any of the rings. */
function edgeDistance([x, y]: Point, rings: Point[][]): number {
	let best = Infinity;
	for (const ring of rings)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [ax, ay] = ring[j]!;
			const [bx, by] = ring[i]!;
			const dx = bx - ax;
			const dy = by - ay;
			const len = dx * dx + dy * dy;
			const t = len > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
			best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
		}
	return best;
}

/**
 * Whether a name's box stands within a spot's room (all on screen, in px): every corner of the
 * box within 1.5 times the spot's distance to the area's edge. Deep inside a round area a name
 * may reach a little beyond that circle; across a thin one it does not fit.
 */
export function fitsSpot(
	box: { x: number; y: number; width: number; height: number },
	[x, y]: Point,
	room: number
): boolean {
	const r = 1.5 * room;
	return [
		[box.x, box.y],
		[box.x + box.width, box.y],
		[box.x, box.y + box.height],
		[box.x + box.width, box.y + box.height]
	].every(([cx, cy]) => Math.hypot(cx! - x, cy! - y) <= r);
}
