/**
 * Route geometry: a movement drawn as a gentle quadratic curve between two projected points,
 * bent sideways so parallel routes stay apart, with an arrowhead that rides the drawn end.
 * Routes are schematic (not roads); the methodology says so.
 */
import type { Route } from '$lib/story/types';
import type { Point } from './polyline';
import type { MapGeo } from './prepareMap';

export interface RouteGeometry {
	/** SVG path data in base-frame units. */
	d: string;
	/** Arc length in base-frame units. */
	length: number;
	/** Point and heading (radians) at a share t of the length. */
	at: (t: number) => { point: Point; angle: number };
}

const SAMPLES = 64;

/** Length of an arrowhead's sides on screen, in px. */
export const ARROWHEAD_PX = 9;

/**
 * A step's routes as curves between their places, each trimmed at its end by an arrowhead's
 * length at the camera's zoom `k` (a route whose place the map lacks is left out).
 */
export function stepRoutes(
	routes: Route[],
	geo: MapGeo,
	k: number
): { route: Route; geometry: RouteGeometry }[] {
	return routes.flatMap((route) => {
		const from = geo.places.get(route.from);
		const to = geo.places.get(route.to);
		if (!from || !to) return [];
		return [{ route, geometry: routeGeometry(from.xy, to.xy, route.bend ?? 0.12, 9 / k) }];
	});
}

export function routeGeometry(from: Point, to: Point, bend = 0.15, trim = 0): RouteGeometry {
	const [x0, y0] = from;
	const [x2, y2] = to;
	const dx = x2 - x0;
	const dy = y2 - y0;
	// Control point: the midpoint pushed perpendicular to the chord by bend × chord length.
	const cx = (x0 + x2) / 2 - dy * bend;
	const cy = (y0 + y2) / 2 + dx * bend;
	const bez = (t: number): Point => {
		const u = 1 - t;
		return [u * u * x0 + 2 * u * t * cx + t * t * x2, u * u * y0 + 2 * u * t * cy + t * t * y2];
	};
	// Arc-length table so "drawn share" means share of length, not of the curve parameter.
	const cum: number[] = [0];
	let prev = bez(0);
	for (let i = 1; i <= SAMPLES; i++) {
		const p = bez(i / SAMPLES);
		cum.push((cum[i - 1] ?? 0) + Math.hypot(p[0] - prev[0], p[1] - prev[1]));
		prev = p;
	}
	const total = cum[SAMPLES] ?? 0;
	const paramAt = (s: number): number => {
		const target = Math.min(Math.max(s, 0), 1) * total;
		let i = 1;
		while (i < SAMPLES && (cum[i] ?? 0) < target) i++;
		const a = cum[i - 1] ?? 0;
		const b = cum[i] ?? total;
		const f = b > a ? (target - a) / (b - a) : 0;
		return (i - 1 + f) / SAMPLES;
	};
	// Trim the ends (in base units) so arrows stop short of the markers they connect.
	const t0 = trim > 0 && total > 0 ? paramAt(trim / total) : 0;
	const t1 = trim > 0 && total > 0 ? paramAt(1 - trim / total) : 1;
	const trimmedStart = bez(t0);
	const trimmedEnd = bez(t1);
	// The control point of the trimmed sub-curve (de Casteljau on [t0, t1]).
	const ctrl = subControl([x0, y0], [cx, cy], [x2, y2], t0, t1);
	const length = total * (cumShare(cum, t1) - cumShare(cum, t0));
	const d = `M${fmt(trimmedStart)}Q${fmt(ctrl)} ${fmt(trimmedEnd)}`;

	const at = (t: number) => {
		const s = t0 + (t1 - t0) * paramAt(Math.min(Math.max(t, 0), 1));
		const point = bez(s);
		// Derivative of the quadratic Bézier gives the heading.
		const u = 1 - s;
		const tx = 2 * u * (cx - x0) + 2 * s * (x2 - cx);
		const ty = 2 * u * (cy - y0) + 2 * s * (y2 - cy);
		return { point, angle: Math.atan2(ty, tx) };
	};
	return { d, length, at };
}

function cumShare(cum: number[], t: number): number {
	const total = cum[SAMPLES] ?? 0;
	if (total === 0) return 0;
	const i = Math.min(SAMPLES - 1, Math.floor(t * SAMPLES));
	const f = t * SAMPLES - i;
	return ((cum[i] ?? 0) + ((cum[i + 1] ?? 0) - (cum[i] ?? 0)) * f) / total;
}

function subControl(p0: Point, p1: Point, p2: Point, t0: number, t1: number): Point {
	// The control point of a quadratic restricted to [t0, t1] is its blossom f(t0, t1).
	const a = (1 - t0) * (1 - t1);
	const b = (1 - t0) * t1 + t0 * (1 - t1);
	const c = t0 * t1;
	return [a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]];
}

function fmt([x, y]: Point): string {
	return `${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`;
}

/** SVG path data for an arrowhead of a given size pointing along `angle`, tip at `point`. */
export function arrowhead(point: Point, angle: number, size: number): string {
	const [l, tip, r] = arrowheadPoints(point, angle, size);
	return `M${fmt(l)}L${fmt(tip)}L${fmt(r)}`;
}

function arrowheadPoints(point: Point, angle: number, size: number): [Point, Point, Point] {
	const [x, y] = point;
	const back = angle + Math.PI;
	const spread = 0.45;
	const l: Point = [x + size * Math.cos(back - spread), y + size * Math.sin(back - spread)];
	const r: Point = [x + size * Math.cos(back + spread), y + size * Math.sin(back + spread)];
	return [l, [x, y], r];
}

/** Screen box an arrowhead covers, its stroke included, for keeping labels off it. */
export function arrowheadBox(
	point: Point,
	angle: number,
	size: number,
	stroke = 2.5
): { x: number; y: number; width: number; height: number } {
	const pts = arrowheadPoints(point, angle, size);
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	const h = stroke / 2;
	const x = Math.min(...xs) - h;
	const y = Math.min(...ys) - h;
	return { x, y, width: Math.max(...xs) + h - x, height: Math.max(...ys) + h - y };
}
