/**
 * What scroll progress draws on the map, checked on every step of the real story: the drawing
 * grows as the reader reads on and never runs backwards, ends each step on the figure the step
 * states, and readers who asked for reduced motion see every drawing whole. (That a reload or
 * a deep link lands on what scrolling there shows is checked with the scroll observer, in
 * tests/unit/island/stepObserver.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import story from '../../../src/content/story.aml';
import {
	decimalYear,
	drawnAt,
	flattenSteps,
	mapSteps,
	type MapStep
} from '../../../src/lib/map/mapState';
import type { Story } from '../../../src/lib/story/types';

const steps = mapSteps(story);
const fenced = steps.filter((s): s is MapStep & { fence: { from: number; to: number } } =>
	Boolean(s.fence)
);
const routed = steps.filter((s) => s.routes.length > 0);
/** Progress from the top of a step to its foot, in 1% ticks. */
const ticks = Array.from({ length: 101 }, (_, i) => i / 100);

describe('the story has steps to check', () => {
	it('draws a fence and routes somewhere, so the checks below are not empty', () => {
		expect(fenced.filter((s) => s.fence.to > s.fence.from).length).toBeGreaterThan(0);
		expect(routed.length).toBeGreaterThan(0);
	});
});

describe('drawing as the reader scrolls through a step', () => {
	it('never runs backwards while the reader reads on', () => {
		for (const step of steps) {
			let last = drawnAt(step, 0);
			for (const p of ticks) {
				const now = drawnAt(step, p);
				expect(now.routes, `${step.id} routes at ${p}`).toBeGreaterThanOrEqual(last.routes);
				if (step.fence)
					expect(now.fence!, `${step.id} fence at ${p}`).toBeGreaterThanOrEqual(last.fence!);
				last = now;
			}
		}
	});

	it('starts the fence at the share the last fence step ended on and ends on this step’s claim', () => {
		for (const step of fenced) {
			expect(drawnAt(step, 0).fence, step.id).toBeCloseTo(step.fence.from, 6);
			expect(drawnAt(step, 1).fence, step.id).toBeCloseTo(step.fence.to, 6);
		}
	});

	it('completes each drawing while the card is still being read, not at its foot', () => {
		for (const step of steps) {
			for (const p of ticks.filter((t) => t >= 0.5)) {
				const d = drawnAt(step, p);
				expect(d.routes, `${step.id} routes at ${p}`).toBe(1);
				if (step.fence) expect(d.fence, `${step.id} fence at ${p}`).toBeCloseTo(step.fence.to, 6);
			}
		}
	});

	it('starts a step’s routes undrawn, and draws them from there', () => {
		for (const step of routed) {
			expect(drawnAt(step, 0).routes, step.id).toBe(0);
			expect(drawnAt(step, 0.1).routes, step.id).toBeGreaterThan(0);
		}
	});

	it('with reduced motion shows every drawing whole, wherever the reader is', () => {
		let differs = 0;
		for (const step of steps) {
			const whole = drawnAt(step, 1);
			for (const p of ticks) {
				const d = drawnAt(step, p, { reducedMotion: true });
				expect(d, `${step.id} at ${p}`).toEqual(whole);
				if (p === 0 && JSON.stringify(drawnAt(step, 0)) !== JSON.stringify(whole)) differs++;
			}
		}
		// The steps that animate for other readers are the ones this guards.
		expect(differs).toBeGreaterThan(0);
	});
});

describe('the per-step map table (mapSteps)', () => {
	it('draws the fence only at steps that switch its layer on', () => {
		const source = flattenSteps(story);
		for (const step of steps) {
			const own = source[step.index]!;
			expect(step.id).toBe(own.id);
			const on = own.map.layers.includes('fence') && own.map.fence !== undefined;
			expect(step.fence !== null, step.id).toBe(on);
			expect(drawnAt(step, 1).fence !== null, step.id).toBe(on);
		}
		// A step that keeps a fence share but turns the layer off draws no fence.
		const withFence = source.find((s) => s.map.fence && s.map.fence.to > 0)!;
		const off: Story = {
			...story,
			chapters: [
				{
					id: 'c',
					title: 'c',
					kind: 'chapter',
					steps: [
						{ ...withFence, map: { ...withFence.map, layers: [] } },
						{ ...withFence, id: 'on' }
					]
				}
			]
		};
		const [hidden, shown] = mapSteps(off);
		expect(drawnAt(hidden!, 1).fence).toBeNull();
		expect(drawnAt(shown!, 1).fence).toBeCloseTo(withFence.map.fence!.to, 6);
	});

	it('places steps on the timeline by date, never running back while the chapters are read', () => {
		// Partial dates sit mid-period; a full date at its day.
		expect(decimalYear('1994')).toBe(1994.5);
		expect(decimalYear('1994-10')).toBeCloseTo(1994 + 9 / 12 + 14 / 365, 9);
		expect(decimalYear('1996-09-27')).toBeCloseTo(1996 + 8 / 12 + 26 / 365, 9);
		// A prologue may flash forward; the chapters run in date order, and so does the timeline.
		const chapterSteps = new Set(
			story.chapters.filter((c) => c.kind === 'chapter').flatMap((c) => c.steps.map((s) => s.id))
		);
		let last = { id: '', year: -Infinity };
		for (const step of steps.filter((s) => chapterSteps.has(s.id))) {
			expect(step.year, `${last.id} then ${step.id}`).toBeGreaterThanOrEqual(last.year);
			last = step;
		}
	});
});
