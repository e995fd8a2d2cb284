/**
 * mapFrame: everything a step's picture is derived from that does not change while the step is
 * read — where the camera comes to rest, the space kept clear for overlays and cards, labels,
 * the key and the scale bar — checked on every real step, on desktop and on phones.
 */
import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { apply, type Camera } from '../../../src/lib/map/camera';
import {
	frameBasis,
	PHONE_LEGEND_TOP,
	type FrameLayout,
	type MapFrame
} from '../../../src/lib/map/frame';
import { PRERENDER_VIEWPORT } from '../../../src/lib/server/liveMap';
import { mapFrame } from '../../../src/lib/map/frameLabels';
import { legendSize } from '../../../src/lib/map/legendItems';
import { arrowheadBox, ARROWHEAD_PX } from '../../../src/lib/map/routes';
import { stateAt, type MapStep } from '../../../src/lib/map/mapState';
import { island, LAYOUTS, liveFrame, map, projection, steps } from './realMap';

/** Frames are computed on the real story (label placement included): slow on a busy machine. */
const SLOW = { timeout: 60_000 };

type Point = [number, number];
interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
const overlaps = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** The step's own places: its markers and the places its notes point at. */
const pinned = (s: MapStep) => [
	...s.markers.map((m) => m.place),
	...s.annotations.map((a) => a.place)
];
const screen = (f: MapFrame, id: string): Point => apply(f.target, island.geo.places.get(id)!.xy);
const frames = steps.flatMap((s) =>
	Object.entries(LAYOUTS).map(([layout, l]) => ({
		where: `${s.id} (${layout})`,
		phone: layout.includes('phone'),
		frame: liveFrame(s, l)
	}))
);

describe('mapFrame', SLOW, () => {
	it('describes each step as read to the end, whatever the reader’s progress', () => {
		// The island computes a frame once per step and size, never per scroll tick: the key and
		// the labels describe the finished picture (the fence at its claim, routes whole).
		for (const s of steps) {
			const { state } = liveFrame(s);
			const end = stateAt(s, 1);
			expect(state.fence, s.id).toBe(end.fence);
			expect(
				state.routes.map((r) => r.drawn),
				s.id
			).toEqual(s.routes.map(() => 1));
		}
	});

	it('keeps labels off the spot where each arrowhead comes to rest', () => {
		let heads = 0;
		for (const { where, frame } of frames) {
			for (const r of frame.routes) {
				const tip = r.geometry.at(1);
				const head = arrowheadBox(apply(frame.target, tip.point), tip.angle, ARROWHEAD_PX);
				heads++;
				for (const l of frame.labels)
					expect(overlaps(l.box, head), `${where}: ${l.id} on ${r.route.id}'s arrowhead`).toBe(
						false
					);
			}
		}
		expect(heads).toBeGreaterThan(0);
	});

	it('comes to rest with the step’s places inside the map’s free area, desktop and phones', () => {
		for (const { where, frame } of frames) {
			const { width, height } = frame.viewport;
			const { top, right, bottom, left } = frame.insets;
			for (const id of pinned(frame.step)) {
				const [x, y] = screen(frame, id);
				expect(x, `${where}: ${id}`).toBeGreaterThanOrEqual(left);
				expect(x, `${where}: ${id}`).toBeLessThanOrEqual(width - right);
				expect(y, `${where}: ${id}`).toBeGreaterThanOrEqual(top);
				expect(y, `${where}: ${id}`).toBeLessThanOrEqual(height - bottom);
			}
		}
	});

	it('on desktop keeps the step’s places out from under the key (bottom left)', () => {
		for (const { where, frame, phone } of frames) {
			if (phone) continue;
			const box = legendSize(frame.legend.length, false);
			const key = { x: 24, y: frame.viewport.height - 36 - box.height, ...box };
			for (const id of pinned(frame.step)) {
				const [x, y] = screen(frame, id);
				expect(
					overlaps({ x: x - 6, y: y - 6, width: 12, height: 12 }, key),
					`${where}: ${id}`
				).toBe(false);
			}
		}
	});

	it('on phones keeps the step’s places between the key and the card being read', () => {
		for (const viewport of [
			{ width: 390, height: 844 },
			{ width: 360, height: 640 }
		]) {
			// Cards up to 60% of the screen: the map keeps at least the rest for its focus.
			for (const cardHeight of [0, 280, Math.round(viewport.height * 0.6)]) {
				for (const s of steps.filter((x) => pinned(x).length > 0)) {
					const frame = mapFrame(s, island.geo, island.projection, {
						kind: 'live',
						viewport,
						cardHeight
					});
					const key = PHONE_LEGEND_TOP + legendSize(frame.legend.length, true).height;
					const card = viewport.height - cardHeight;
					const where = `${s.id} ${viewport.width}×${viewport.height}, card ${cardHeight}`;
					expect(frame.insets.bottom, where).toBeGreaterThanOrEqual(cardHeight);
					expect(frame.insets.top, where).toBeGreaterThanOrEqual(key);
					for (const id of pinned(s)) {
						const [, y] = screen(frame, id);
						expect(y, `${where}: ${id}`).toBeGreaterThan(key);
						expect(y, `${where}: ${id}`).toBeLessThan(card);
					}
				}
			}
		}
	});

	it('draws a scale bar that is true where it stands, a round number of km', () => {
		const kmBetween = (f: MapFrame, a: Point, b: Point) => {
			const base = (p: Point): Point => [
				(p[0] - f.target.x) / f.target.k,
				(p[1] - f.target.y) / f.target.k
			];
			const [la, lb] = [island.projection.invert!(base(a))!, island.projection.invert!(base(b))!];
			return geoDistance(la, lb) * 6371;
		};
		for (const { where, frame } of frames) {
			const s = frame.scale;
			expect(s, where).toBeTruthy();
			const km = kmBetween(frame, [s!.x - s!.px, s!.y], [s!.x, s!.y]);
			expect(km / s!.km, `${where}: ${s!.km} km bar measures ${km.toFixed(1)} km`).toBeGreaterThan(
				0.97
			);
			expect(km / s!.km, where).toBeLessThan(1.03);
			expect(String(s!.km), where).toMatch(/^(1|2|25|5)0*$/);
			expect(s!.px, where).toBeGreaterThan(35); // long enough to read against the map
		}
	});

	it('keeps the scale bar clear of the key, which stands bottom right in a right-to-left edition', () => {
		for (const s of steps) {
			const layout: FrameLayout = { kind: 'live', viewport: PRERENDER_VIEWPORT, rtl: true };
			const rtl = frameBasis(s, island.geo, island.projection, layout);
			const [key, bar] = rtl.reserved;
			expect(key!.x, s.id).toBeGreaterThan(rtl.viewport.width / 2);
			expect(overlaps(key!, bar!), s.id).toBe(false);
			expect(rtl.scale!.x - rtl.scale!.px, s.id).toBeGreaterThanOrEqual(rtl.insets.left);
			// Left to right, both stand where they always have: the key bottom left, the bar right.
			const ltr = liveFrame(s);
			expect(ltr.scale!.x, s.id).toBe(ltr.viewport.width - ltr.insets.right - 6);
			expect(rtl.scale!.km, s.id).toBe(ltr.scale!.km);
		}
	});

	it('is the same whether the build or the map island computes it: no jump when it takes over', () => {
		// The build draws the first step with the full map and d3's projection; the island
		// recomputes every frame from its data block (rounded points, fitted projector).
		const close = (a: Camera, b: Camera) =>
			Math.abs(a.k / b.k - 1) < 1e-6 && Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;
		for (const s of steps) {
			const built = mapFrame(s, map, projection, LAYOUTS.desktop!);
			const live = liveFrame(s);
			expect(close(built.target, live.target), s.id).toBe(true);
			expect(live.legend, s.id).toEqual(built.legend);
			expect(live.reference, s.id).toEqual(built.reference);
			expect(live.scale?.km, s.id).toBe(built.scale?.km);
			expect(
				live.labels.map((l) => l.id),
				s.id
			).toEqual(built.labels.map((l) => l.id));
			live.labels.forEach((l, i) => {
				const b = built.labels[i]!;
				expect(Math.hypot(l.x - b.x, l.y - b.y), `${s.id}: ${l.id}`).toBeLessThan(0.5);
			});
		}
	});
});
