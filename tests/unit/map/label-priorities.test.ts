/**
 * The story's label rules, as a reader meets them on the real steps (labelsFor via mapFrame,
 * on the desktop column and on phones): what a step is about is named first, and a city shown
 * only for orientation gives way when space is short. That the Durand Line is named in every
 * view, and no label is written across it, is checked in stepLabels.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/lib/map/camera';
import type { FrameLayout, MapFrame } from '../../../src/lib/map/frame';
import { island, LAYOUTS, liveFrame, step, steps } from './realMap';

/** Frames are computed on the real story (label placement included): slow on a busy machine. */
const SLOW = { timeout: 60_000 };

const frames = steps.flatMap((s) =>
	Object.entries(LAYOUTS).map(([layout, l]) => ({
		where: `${s.id} (${layout})`,
		frame: liveFrame(s, l)
	}))
);
// Geometry helpers of the test's own, so it depends on what the frame holds, not on the
// label placer's modules (being reworked and renamed).
interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}
const overlaps = (a: Rect, b: Rect, pad = 0) =>
	a.x < b.x + b.width + pad &&
	b.x < a.x + a.width + pad &&
	a.y < b.y + b.height + pad &&
	b.y < a.y + a.height + pad;
/** Cities and crossings the step's layers show for orientation. */
const isReference = (kind: string, f: MapFrame) =>
	(kind === 'city' && f.state.layers.has('cities')) ||
	(kind === 'crossing' && f.state.layers.has('crossings'));

/** The smallest phone the story is laid out for, with a step card over its foot. */
const SMALLEST: FrameLayout = {
	kind: 'live',
	viewport: { width: 320, height: 568 },
	cardHeight: 250
};

const named = (f: MapFrame) => new Set(f.labels.map((l) => l.id));
const label = (f: MapFrame, id: string) => f.labels.find((l) => l.id === id);
/** The area labels may use: the viewport inside the insets (timeline, legend, cards). */
const area = (f: MapFrame): Rect => ({
	x: f.insets.left,
	y: f.insets.top,
	width: f.viewport.width - f.insets.left - f.insets.right,
	height: f.viewport.height - f.insets.top - f.insets.bottom
});
const inside = ([x, y]: [number, number], r: Rect) =>
	x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
/** A reference place's dot as MarkerLayer draws it (a 6 px square or circle), with a margin. */
const dot = ([x, y]: [number, number]): Rect => ({ x: x - 4, y: y - 4, width: 8, height: 8 });
/** Context places (cities, crossings a layer shows) in the label area, and not the step's own. */
const context = (f: MapFrame) =>
	[...island.geo.places.values()].filter(
		(p) =>
			isReference(p.place.kind, f) &&
			!f.step.markers.some((m) => m.place === p.place.id) &&
			inside(apply(f.target, p.xy), area(f))
	);

describe('what a step is about is named first', SLOW, () => {
	it('names every marker of every step, on desktop and on phones', () => {
		for (const { where, frame } of frames) {
			for (const m of frame.step.markers)
				expect(named(frame).has(`place:${m.place}`), `${where}: ${m.place}`).toBe(true);
		}
	});

	it('uses the marker’s own label when the step gives one', () => {
		// e.g. "Mir Ali, about 28 km inland" rather than the gazetteer's "Mir Ali".
		let custom = 0;
		for (const { where, frame } of frames) {
			for (const m of frame.step.markers.filter((x) => x.label)) {
				custom++;
				expect(label(frame, `place:${m.place}`)?.text, where).toBe(m.label);
			}
		}
		expect(custom).toBeGreaterThan(0);
	});

	it('names each note on the desktop map', () => {
		let notes = 0;
		for (const { where, frame } of frames.filter((f) => f.where.endsWith('(desktop)'))) {
			for (const a of frame.step.annotations) {
				notes++;
				expect(named(frame).has(`note:${a.id}`), `${where}: ${a.id}`).toBe(true);
			}
		}
		expect(notes).toBeGreaterThan(0);
	});

	// BUG (label placement, stepLabels.ts/labelPlacement.ts): on phones the note at march-unknowns
	// ("Inland town, not a border crossing", at Mir Ali) finds no room and is dropped, so phone
	// readers lose the step's point on the map. Remove `.fails` when notes are placed on phones.
	it.fails('names each note on phones too', () => {
		const s = step('march-unknowns');
		expect(s.annotations.length).toBeGreaterThan(0);
		for (const layout of ['phone', 'small phone']) {
			const frame = liveFrame(s, LAYOUTS[layout]);
			for (const a of s.annotations)
				expect(named(frame).has(`note:${a.id}`), `${layout}: ${a.id}`).toBe(true);
		}
	});
});

describe('a city shown for orientation gives way', SLOW, () => {
	it('never has a label drawn over its dot: a dot is drawn only where its name is', () => {
		for (const { where, frame } of frames) {
			const names = named(frame);
			for (const id of frame.reference) {
				expect(names.has(`place:${id}`), `${where}: ${id}`).toBe(true);
				const box = dot(apply(frame.target, island.geo.places.get(id)!.xy));
				for (const l of frame.labels.filter((x) => x.id !== `place:${id}`))
					expect(overlaps(l.box, box), `${where}: ${l.id} covers ${id}`).toBe(false);
			}
		}
	});

	it('to the name of a place the step is about, when there is no other room for it', () => {
		// Where a context city in view is left out under a label, that label is one of the
		// step's own (a marker's, a note's) or the Durand Line's: never a city's or a province's.
		let gaveWay = 0;
		// Space is shortest on the smallest phones: a 320×568 screen with a card over its foot.
		const smallest = steps.map((s) => ({
			where: `${s.id} (320×568)`,
			frame: liveFrame(s, SMALLEST)
		}));
		for (const { where, frame } of [...frames, ...smallest]) {
			const names = named(frame);
			for (const p of context(frame)) {
				if (names.has(`place:${p.place.id}`)) continue;
				const box = dot(apply(frame.target, p.xy));
				const over = frame.labels.filter((l) => overlaps(l.box, box, 2));
				if (over.length === 0) continue; // no room for its own name: simply left out
				gaveWay++;
				expect(
					over.some(
						(l) =>
							l.id === 'durand' ||
							l.id.startsWith('note:') ||
							frame.step.markers.some((m) => l.id === `place:${m.place}`)
					),
					`${where}: ${p.place.id} under ${over.map((l) => l.id).join(', ')}`
				).toBe(true);
			}
		}
		// On the real story this happens on the smallest phones (Gardez gives way to Barmal's name
		// at barmal-march; Herat and Kandahar to the Durand Line's in the region view). If it
		// never does, the rule is no longer exercised: squeeze a frame further.
		expect(gaveWay).toBeGreaterThan(0);
	});

	it('keeps the main cities where there is room: the desktop region map names them', () => {
		for (const layout of [LAYOUTS.desktop!, LAYOUTS['desktop 1280×720']!]) {
			const frame = liveFrame(step('prologue-question'), layout);
			for (const id of ['kabul', 'kandahar', 'herat', 'islamabad', 'peshawar', 'quetta'])
				expect(named(frame).has(`place:${id}`), `${id} (${layout.viewport.width})`).toBe(true);
		}
	});
});

describe('every label can be read', SLOW, () => {
	it('overlaps no other label and no marker', () => {
		for (const { where, frame } of frames) {
			const { labels } = frame;
			for (let i = 0; i < labels.length; i++) {
				for (let j = i + 1; j < labels.length; j++)
					expect(
						overlaps(labels[i]!.box, labels[j]!.box),
						`${where}: ${labels[i]!.id} on ${labels[j]!.id}`
					).toBe(false);
				for (const m of frame.step.markers) {
					const xy = apply(frame.target, island.geo.places.get(m.place)!.xy);
					expect(
						overlaps(labels[i]!.box, { x: xy[0] - 6, y: xy[1] - 6, width: 12, height: 12 }),
						`${where}: ${labels[i]!.id} on marker ${m.place}`
					).toBe(false);
				}
			}
		}
	});

	it('stays inside the map’s free area, off the scale bar', () => {
		for (const { where, frame } of frames) {
			const free = area(frame);
			// The scale bar's panel as ScaleBar draws it.
			const s = frame.scale;
			const bar = s && { x: s.x - s.px - 6, y: s.y - 19, width: s.px + 12, height: 26 };
			for (const l of frame.labels) {
				const b = l.box;
				const within =
					b.x >= free.x &&
					b.y >= free.y &&
					b.x + b.width <= free.x + free.width &&
					b.y + b.height <= free.y + free.height;
				expect(within, `${where}: ${l.id}`).toBe(true);
				if (bar) expect(overlaps(b, bar), `${where}: ${l.id} on the scale bar`).toBe(false);
			}
		}
	});
});
