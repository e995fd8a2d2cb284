/**
 * Routes as the reader sees them: a curve from one place to the other that stops short of
 * both markers, bows to a consistent side, and an arrowhead that rides the end of the part
 * drawn so far, pointing the way of travel.
 */
import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/map/camera';
import type { Point } from '../../../src/lib/map/polyline';
import { arrowhead, arrowheadBox, routeGeometry } from '../../../src/lib/map/routes';
import { island, LAYOUTS, liveFrame, steps } from './realMap';

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Signed distance of p from the line a→b: positive to the right of travel on screen (y down). */
const side = (a: Point, b: Point, p: Point) =>
	((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / dist(a, b);

/**
 * The points of absolute SVG path data made of M, L and Q commands (what routes.ts writes),
 * grouped by command: enough to compare the drawn path with the geometry.
 */
function pathCommands(d: string): { cmd: string; points: Point[] }[] {
	const out: { cmd: string; points: Point[] }[] = [];
	for (const [, cmd, args] of d.matchAll(/([MLQ])([^MLQ]*)/g)) {
		const n = args!
			.trim()
			.split(/[\s,]+/)
			.map(Number);
		const points: Point[] = [];
		for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i]!, n[i + 1]!]);
		out.push({ cmd: cmd!, points });
	}
	return out;
}

/** The drawn path as a quadratic curve, sampled finely, with cumulative arc length. */
function drawnCurve(d: string) {
	const [m, q] = pathCommands(d);
	expect(m?.cmd).toBe('M');
	expect(q?.cmd).toBe('Q');
	const [p0, [c, p2]] = [m!.points[0]!, q!.points as [Point, Point]];
	const at = (t: number): Point => {
		const u = 1 - t;
		return [
			u * u * p0[0] + 2 * u * t * c[0] + t * t * p2[0],
			u * u * p0[1] + 2 * u * t * c[1] + t * t * p2[1]
		];
	};
	const N = 2000;
	const pts = [at(0)];
	const cum = [0];
	for (let i = 1; i <= N; i++) {
		pts.push(at(i / N));
		cum.push(cum[i - 1]! + dist(pts[i]!, pts[i - 1]!));
	}
	/** The point at a share of the length: where a pathLength="1" dash of that share ends. */
	const share = (s: number): Point => {
		const target = s * cum[N]!;
		let i = 0;
		while (i < N && cum[i]! < target) i++;
		return pts[i]!;
	};
	return {
		length: cum[N]!,
		share,
		start: p0,
		end: p2,
		endHeading: Math.atan2(p2[1] - c[1], p2[0] - c[0])
	};
}

describe('routeGeometry', () => {
	it('runs from the first place to the second', () => {
		for (const bend of [0, 0.12, -0.3]) {
			const r = routeGeometry([10, 20], [310, 140], bend);
			expect(dist(r.at(0).point, [10, 20]), `bend ${bend}`).toBeLessThan(1e-9);
			expect(dist(r.at(1).point, [310, 140]), `bend ${bend}`).toBeLessThan(1e-9);
		}
	});

	it('stops short of both markers by the trim, measured along the curve', () => {
		const whole = routeGeometry([0, 0], [300, 40], 0.2);
		const trimmed = routeGeometry([0, 0], [300, 40], 0.2, 12);
		expect(trimmed.length).toBeCloseTo(whole.length - 24, 0);
		expect(dist(trimmed.at(0).point, [0, 0])).toBeGreaterThan(11);
		expect(dist(trimmed.at(0).point, [0, 0])).toBeLessThanOrEqual(12.01);
		expect(dist(trimmed.at(1).point, [300, 40])).toBeGreaterThan(11);
		expect(dist(trimmed.at(1).point, [300, 40])).toBeLessThanOrEqual(12.01);
		// A straight route: exactly the trim from each end.
		const straight = routeGeometry([0, 0], [100, 0], 0, 10);
		expect(straight.at(0).point[0]).toBeCloseTo(10, 3);
		expect(straight.at(1).point[0]).toBeCloseTo(90, 3);
	});

	it('bows to the right of the way of travel for a positive bend, by bend × chord / 2', () => {
		// The same on every heading, so two routes run in opposite directions with the same
		// bend bow apart instead of drawing over each other.
		for (let k = 0; k < 8; k++) {
			const a: Point = [500, 500];
			const b: Point = [
				500 + 200 * Math.cos((k * Math.PI) / 4),
				500 + 200 * Math.sin((k * Math.PI) / 4)
			];
			for (const bend of [0.12, -0.12, 0.3]) {
				const mid = routeGeometry(a, b, bend).at(0.5).point;
				expect(side(a, b, mid), `heading ${k * 45}°, bend ${bend}`).toBeCloseTo(
					(bend * 200) / 2,
					1
				);
			}
			const there = routeGeometry(a, b, 0.12).at(0.5).point;
			const back = routeGeometry(b, a, 0.12).at(0.5).point;
			expect(dist(there, back)).toBeCloseTo(0.12 * 200, 1);
		}
		expect(side([0, 0], [100, 0], routeGeometry([0, 0], [100, 0], 0).at(0.5).point)).toBeCloseTo(
			0,
			9
		);
	});

	it('is parametrised by length: the point at share t is t of the way along', () => {
		const r = routeGeometry([0, 0], [300, 40], 0.3);
		let walked = 0;
		let prev = r.at(0).point;
		for (let i = 1; i <= 1000; i++) {
			const p = r.at((0.25 * i) / 1000).point;
			walked += dist(p, prev);
			prev = p;
		}
		expect(walked / r.length).toBeCloseTo(0.25, 2);
	});
});

describe('a route on the story’s map', () => {
	/** The ends are trimmed by this much on screen (mapFrame), to clear the markers. */
	const TRIM_PX = 9;
	const all = steps.flatMap((s) =>
		Object.entries(LAYOUTS).flatMap(([layout, l]) => {
			const frame = liveFrame(s, l);
			return frame.routes.map((r) => {
				const [from, to] = [r.route.from, r.route.to].map((id) =>
					apply(frame.target, island.geo.places.get(id)!.xy)
				) as [Point, Point];
				return { where: `${s.id} ${layout} ${r.route.id}`, frame, from, to, ...r };
			});
		})
	);
	// Routes too short on screen to lose 9 px at each end are the subject of the it.fails below.
	const routes = all.filter((r) => dist(r.from, r.to) > 2 * TRIM_PX + 4);

	it('exists: the story draws routes', () => {
		expect(routes.length).toBeGreaterThan(0);
	});

	it('carries its arrowhead at the end of the part drawn so far, within half a pixel', () => {
		// The line is revealed as a dash of the drawn share of its path (pathLength 1); the
		// arrowhead is placed at geometry.at(share). They must meet at every share.
		for (const { where, frame, geometry } of routes) {
			const curve = drawnCurve(geometry.d);
			const k = frame.target.k;
			expect(Math.abs(curve.length - geometry.length) * k, where).toBeLessThan(0.5);
			for (let i = 0; i <= 20; i++) {
				const t = i / 20;
				expect(dist(curve.share(t), geometry.at(t).point) * k, `${where} at ${t}`).toBeLessThan(
					0.5
				);
			}
		}
	});

	it('points its arrowhead along the line where it ends', () => {
		for (const { where, geometry } of routes) {
			const curve = drawnCurve(geometry.d);
			const turn = Math.abs(
				Math.atan2(
					Math.sin(geometry.at(1).angle - curve.endHeading),
					Math.cos(geometry.at(1).angle - curve.endHeading)
				)
			);
			expect(turn, where).toBeLessThan(0.02);
		}
	});

	it('starts and ends beside its two places, never on top of their markers', () => {
		for (const { where, frame, from, to, geometry } of routes) {
			const start = apply(frame.target, geometry.at(0).point);
			const end = apply(frame.target, geometry.at(1).point);
			// 9 px on screen: clear of an 8 px marker's centre, close enough to read as leaving it.
			expect(dist(start, from), where).toBeGreaterThan(8);
			expect(dist(start, from), where).toBeLessThan(10);
			expect(dist(end, to), where).toBeGreaterThan(8);
			expect(dist(end, to), where).toBeLessThan(10);
		}
	});

	// BUG (routes.ts): when a route is shorter on screen than its two 9 px trims, the trimmed
	// span runs backwards (t0 > t1): a negative length, a line that grows from the far end and
	// an arrowhead that travels back toward the start. On phones (390×844 and 360×640) this is
	// the Peshawar–Torkham returns route at returns-2024 (13.7 px and 11.8 px long, drawn −4.2 px
	// and −6.1 px). Remove `.fails` when the trim is capped for short routes.
	it.fails('is never drawn backwards, however short it is on screen', () => {
		const from: Point = [276.5, 278];
		const to: Point = [263.2, 274.7];
		const geometry = routeGeometry(from, to, 0.12, TRIM_PX);
		expect(geometry.length).toBeGreaterThanOrEqual(0);
		// As more is drawn the arrowhead moves on toward the destination, not back.
		expect(dist(geometry.at(1).point, to)).toBeLessThanOrEqual(dist(geometry.at(0).point, to));
	});
});

describe('arrowhead', () => {
	it('has two barbs of its size behind the tip, either side of the heading, at any angle', () => {
		for (let k = 0; k < 12; k++) {
			const angle = (k * Math.PI) / 6;
			const tip: Point = [100, 50];
			const [m, l1, l2] = pathCommands(arrowhead(tip, angle, 9));
			// Drawn as barb → tip → barb.
			expect([m?.cmd, l1?.cmd, l2?.cmd]).toEqual(['M', 'L', 'L']);
			const [a, t, b] = [m!.points[0]!, l1!.points[0]!, l2!.points[0]!];
			expect(dist(t, tip)).toBeLessThan(0.01);
			const ahead: Point = [tip[0] + Math.cos(angle), tip[1] + Math.sin(angle)];
			for (const barb of [a, b]) {
				expect(dist(barb, tip), `${k * 30}°`).toBeCloseTo(9, 1);
				// Behind the tip: the barb is on the far side from the way it points.
				const along = (barb[0] - tip[0]) * Math.cos(angle) + (barb[1] - tip[1]) * Math.sin(angle);
				expect(along, `${k * 30}°`).toBeLessThan(-7);
			}
			// One barb each side of the heading, mirrored.
			expect(Math.sign(side(tip, ahead, a))).toBe(-Math.sign(side(tip, ahead, b)));
			expect(Math.abs(side(tip, ahead, a))).toBeCloseTo(Math.abs(side(tip, ahead, b)), 1);
		}
	});
});

describe('arrowheadBox', () => {
	it('covers the arrowhead behind its tip and nothing in front of it', () => {
		// Pointing right (angle 0), tip at (100, 50), sides 9 px.
		const box = arrowheadBox([100, 50], 0, 9, 2);
		expect(box.x + box.width).toBeCloseTo(101, 6); // the tip plus half the stroke
		expect(box.x).toBeLessThan(93); // reaches back along the shaft
		expect(box.x).toBeGreaterThan(90);
		expect(box.height).toBeLessThan(11); // narrow across the shaft, not a 18 px square
		expect(box.y + box.height / 2).toBeCloseTo(50, 6);
	});
});
