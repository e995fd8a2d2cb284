/**
 * Polylines in the base frame (the Durand Line as projected): ordered from the north, measured
 * along, and sampled at a share of their length.
 */
export type Point = [number, number];

/** The line's points ordered from its northern end (smaller projected y is further north). */
export function northFirst(points: Point[]): Point[] {
	const first = points[0];
	const last = points[points.length - 1];
	if (!first || !last) return points;
	return first[1] <= last[1] ? points : [...points].reverse();
}

/** Cumulative lengths along a polyline; the last entry is its total length. */
export function cumulativeLengths(points: Point[]): number[] {
	const out = [0];
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1] as Point;
		const b = points[i] as Point;
		out.push((out[i - 1] ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]));
	}
	return out;
}

/** The point at a share (0..1) of a polyline's length. */
export function pointAlong(points: Point[], cum: number[], share: number): Point {
	const total = cum[cum.length - 1] ?? 0;
	const target = clamp01(share) * total;
	let lo = 0;
	let hi = cum.length - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if ((cum[mid] ?? 0) < target) lo = mid;
		else hi = mid;
	}
	const a = points[lo] ?? [0, 0];
	const b = points[hi] ?? a;
	const seg = (cum[hi] ?? 0) - (cum[lo] ?? 0);
	const f = seg > 0 ? (target - (cum[lo] ?? 0)) / seg : 0;
	return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

export function clamp01(v: number): number {
	return v < 0 ? 0 : v > 1 ? 1 : v;
}
