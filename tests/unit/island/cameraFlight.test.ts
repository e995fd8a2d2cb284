/**
 * Camera flights (cameraFlight.ts): the map is drawn once for a flight and moved by a CSS
 * transform. Checked on real flights between the story's steps: the transform puts every point
 * where the camera of that moment would, a new drawing covers every view the flight passes, and
 * the drawing on screen is kept when it is sharp enough.
 */
import { describe, expect, it } from 'vitest';
import {
	drawingCamera,
	flightDrawing,
	landsOnDrawing,
	layerTransform,
	restTransform
} from '../../../src/lib/island/cameraFlight';
import { apply, interpolateCamera, type Camera } from '../../../src/lib/map/camera';
import { LAYOUTS, liveFrame, step, steps } from '../map/realMap';

type Point = [number, number];

/** Reads the transform as the browser applies it (transform-origin 0 0): p ↦ s·p + t. */
function cssTransform(css: string): (p: Point) => Point {
	const m = css.match(/^translate\((-?[\d.]+)px,(-?[\d.]+)px\) scale\(([\d.]+)\)$/);
	expect(m, css).not.toBeNull();
	const [tx, ty, s] = m!.slice(1).map(Number) as [number, number, number];
	return ([x, y]) => [s * x + tx, s * y + ty];
}

/** The base-frame rectangle a camera shows in a viewport. */
const shown = (c: Camera, w: number, h: number) => [
	-c.x / c.k,
	-c.y / c.k,
	(w - c.x) / c.k,
	(h - c.y) / c.k
];

/** Flights a reader takes: region to close-up, along the border, and back out. */
const FLIGHTS: [string, string][] = [
	['prologue-question', 'ttp-2007'],
	['fence-2022', 'strikes-2022'],
	['march-unknowns', 'retaliation-28'],
	['barmal-toll', 'kabul-reaction'],
	['rise-kandahar', 'rise-kabul']
];

const flights = Object.entries(LAYOUTS).flatMap(([layout, l]) =>
	FLIGHTS.map(([from, to]) => {
		const a = liveFrame(step(from), l).target;
		const b = liveFrame(step(to), l).target;
		const { at } = interpolateCamera(a, b, l.viewport);
		return {
			where: `${from} → ${to} (${layout})`,
			at,
			viewport: l.viewport,
			drawn: drawingCamera(at, l.viewport)
		};
	})
);

describe('camera flights', () => {
	it('move the drawing so every point is where the flight’s camera would put it', () => {
		for (const { where, at, drawn } of flights) {
			for (let i = 0; i <= 40; i++) {
				const c = at(i / 40);
				const move = cssTransform(layerTransform(c, drawn));
				for (const p of [
					[0, 0],
					[500, 450],
					[1000, 900]
				] as Point[]) {
					const [x, y] = move(apply(drawn, p));
					const [ex, ey] = apply(c, p);
					// The transform is written to 2 decimals of a pixel and 5 of the scale.
					const tol = 0.01 + 1e-5 * Math.max(Math.abs(ex), Math.abs(ey));
					expect(Math.abs(x - ex), `${where} at ${i / 40}`).toBeLessThan(tol);
					expect(Math.abs(y - ey), `${where} at ${i / 40}`).toBeLessThan(tol);
				}
			}
		}
	});

	it('draw enough map that no edge of the drawing shows during the flight', () => {
		for (const { where, at, drawn, viewport } of flights) {
			const { width, height } = viewport;
			const [x0, y0, x1, y1] = shown(drawn, width, height);
			// A pixel of slack at the drawing's zoom: the flight is sampled, the path is smooth.
			const slack = 1 / drawn.k;
			for (let i = 0; i <= 200; i++) {
				const [a0, b0, a1, b1] = shown(at(i / 200), width, height);
				expect(a0, `${where} at ${i / 200}`).toBeGreaterThanOrEqual(x0! - slack);
				expect(b0, `${where} at ${i / 200}`).toBeGreaterThanOrEqual(y0! - slack);
				expect(a1, `${where} at ${i / 200}`).toBeLessThanOrEqual(x1! + slack);
				expect(b1, `${where} at ${i / 200}`).toBeLessThanOrEqual(y1! + slack);
			}
		}
	});

	it('start from the map already on screen unless its resolution is far from the flight’s', () => {
		let kept = 0;
		for (const { where, at, viewport, drawn } of flights) {
			// The map drawn where the last flight landed: this one starts without a redraw (the
			// live map's SVGs draw the whole map, beyond their viewport, so it covers the flight)
			// unless that view is a close-up far finer than the flight's drawing.
			const from = at(0);
			if (from.k <= drawn.k * 3) {
				expect(flightDrawing(at, viewport, from), where).toBe(from);
				kept++;
			}
			// A drawing at under 0.7 of the flight's own drawing resolution is replaced by it...
			const coarse = { ...drawn, k: drawn.k * 0.6 };
			expect(flightDrawing(at, viewport, coarse), where).toEqual(drawn);
			// ...one a little coarser is kept...
			const soft = { ...drawn, k: drawn.k * 0.8 };
			expect(flightDrawing(at, viewport, soft), where).toBe(soft);
			// ...and one far finer (a close-up the flight leaves) is replaced too: its lines
			// would shrink to hairlines as the flight zooms out.
			const fine = { ...drawn, k: drawn.k * 3.5 };
			expect(flightDrawing(at, viewport, fine), where).toEqual(drawn);
			// Nothing drawn yet: always a drawing of its own.
			expect(flightDrawing(at, viewport, null), where).toEqual(drawn);
		}
		expect(kept).toBeGreaterThan(flights.length / 2);
	});

	it('land on the drawing they flew, moved, when the zoom has not changed', () => {
		let moves = 0;
		for (const [layout, l] of Object.entries(LAYOUTS)) {
			for (let i = 1; i < steps.length; i++) {
				const drawn = liveFrame(steps[i - 1]!, l).target;
				const target = liveFrame(steps[i]!, l).target;
				const where = `${steps[i - 1]!.id} → ${steps[i]!.id} (${layout})`;
				if (target.k !== drawn.k) {
					// A new zoom is always redrawn crisp at the target.
					expect(landsOnDrawing(target, drawn), where).toBe(false);
					continue;
				}
				// The same zoom (on phones a step whose key gains a row moves the map down): the
				// drawing is kept and moved, every point within half a device pixel of where a
				// redraw at the target would put it.
				expect(landsOnDrawing(target, drawn), where).toBe(true);
				if (target.x === drawn.x && target.y === drawn.y) continue;
				moves++;
				for (const dpr of [1, 2, 3]) {
					const css = restTransform(target, drawn, dpr);
					const m = css.match(/^translate\((-?[\d.]+)px,(-?[\d.]+)px\)$/);
					if (!m) {
						expect(css, where).toBe('');
						continue;
					}
					const [tx, ty] = m.slice(1).map(Number) as [number, number];
					for (const p of [
						[0, 0],
						[500, 450],
						[1000, 900]
					] as Point[]) {
						const [x, y] = apply(drawn, p);
						const [ex, ey] = apply(target, p);
						expect(Math.abs(x + tx - ex), where).toBeLessThanOrEqual(0.5 / dpr + 1e-9);
						expect(Math.abs(y + ty - ey), where).toBeLessThanOrEqual(0.5 / dpr + 1e-9);
						// Whole device pixels: the raster is shown as it is, not resampled.
						expect(Math.abs(tx * dpr - Math.round(tx * dpr)), where).toBeLessThan(1e-9);
						expect(Math.abs(ty * dpr - Math.round(ty * dpr)), where).toBeLessThan(1e-9);
					}
				}
			}
		}
		// The real story has such steps (the fence years, on phones).
		expect(moves).toBeGreaterThan(0);
		expect(landsOnDrawing({ x: 0, y: 0, k: 1 }, null)).toBe(false);
	});
});
