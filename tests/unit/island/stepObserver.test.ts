/**
 * The scroll observer (stepObserver.ts) with a fake scrollama and a minimal fake page: the
 * reader-facing guarantees its comment makes. A deep link, a reload, a jump or keyboard focus
 * lands on the picture a slow scroll would show; the mobile address bar does not move the
 * reader; nothing is left listening after destroy.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import story from '../../../src/content/story.aml';
import { drawnAt, mapSteps } from '../../../src/lib/map/mapState';
import { observeSteps, type StepEvents } from '../../../src/lib/island/stepObserver';

type Enter = (r: { index: number; element: HTMLElement; direction: 'up' | 'down' }) => void;
type Progress = (r: { index: number; element: HTMLElement; progress: number }) => void;

/** The scrollama instance the observer creates: its callbacks, for the test to fire. */
const scroller = vi.hoisted(() => ({
	options: undefined as unknown,
	enter: undefined as Enter | undefined,
	progress: undefined as Progress | undefined,
	resize: undefined as unknown as Mock<() => void>,
	destroy: undefined as unknown as Mock<() => void>,
	instances: 0
}));

vi.mock('scrollama', () => ({
	default: () => {
		scroller.instances++;
		scroller.resize = vi.fn();
		scroller.destroy = vi.fn();
		const api = {
			setup(options: unknown) {
				scroller.options = options;
				// As scrollama's setup does: a scroll listener on the document (it reads the
				// scroll position in it); the other listener stands for any it might add.
				document.addEventListener('scroll', () => {});
				document.addEventListener('visibilitychange', () => {});
				return api;
			},
			onStepEnter(cb: Enter) {
				scroller.enter = cb;
				return api;
			},
			onStepProgress(cb: Progress) {
				scroller.progress = cb;
				return api;
			},
			resize() {
				scroller.resize();
				return api;
			},
			destroy: () => scroller.destroy()
		};
		return api;
	}
}));

/** Just enough of an EventTarget: listeners by type, and a way to fire them. */
class Target {
	listeners = new Map<string, Set<(e: unknown) => void>>();
	addEventListener(type: string, fn: (e: unknown) => void) {
		if (!this.listeners.has(type)) this.listeners.set(type, new Set());
		this.listeners.get(type)!.add(fn);
	}
	removeEventListener(type: string, fn: (e: unknown) => void) {
		this.listeners.get(type)?.delete(fn);
	}
	fire(type: string, e: unknown = {}) {
		for (const fn of this.listeners.get(type) ?? []) fn(e);
	}
	count() {
		return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
	}
}

const OFFSET = 0.75;
const STEP_HEIGHT = 800;

/** A page of step elements stacked in a container, scrolled by `scrollY`. */
function page(ids: string[], hash = '') {
	const win = Object.assign(new Target(), {
		innerWidth: 1440,
		innerHeight: 900,
		scrollY: 0,
		scrollBy: vi.fn(({ top }: { top: number }) => {
			win.scrollY += top;
		})
	});
	const container = new Target();
	const steps = ids.map((id, i) => {
		const el = {
			id,
			parentElement: container,
			getBoundingClientRect: () => ({ top: i * STEP_HEIGHT - win.scrollY, height: STEP_HEIGHT }),
			closest: (sel: string) => (sel === '.step' ? el : null)
		};
		return el;
	});
	const doc = new Target();
	vi.stubGlobal('window', win);
	vi.stubGlobal('document', doc);
	vi.stubGlobal('location', { hash });
	// Frames run when the test says the next one starts.
	const queued: FrameRequestCallback[] = [];
	vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb));
	const nextFrame = () => queued.splice(0).forEach((cb) => cb(0));
	const el = (i: number) => steps[i] as unknown as HTMLElement;
	/** Scroll so the trigger line is a share `p` of the way through step i. */
	const scrollTo = (i: number, p: number) => {
		win.scrollY = i * STEP_HEIGHT + p * STEP_HEIGHT - win.innerHeight * OFFSET;
	};
	/** The reader scrolls down into step i, to share `p` of it: scrollama reports the step entered,
	 *  and the next frame starts. */
	const readTo = (i: number, p: number) => {
		scrollTo(i, p);
		scroller.enter!({ index: i, element: el(i), direction: 'down' });
		nextFrame();
	};
	return {
		win,
		doc,
		container,
		steps: steps as unknown as HTMLElement[],
		el,
		scrollTo,
		nextFrame,
		readTo
	};
}

function recorder() {
	const log: string[] = [];
	let at = { index: 0, progress: 0 };
	const on: StepEvents = {
		step(index, progress) {
			log.push(`step ${index} ${progress}`);
			at = { index, progress };
		},
		progress(progress) {
			log.push(`progress ${progress}`);
			at = { ...at, progress };
		}
	};
	return { on, log, at: () => at };
}

const IDS = ['prologue-strikes', 'fence-2017', 'fence-2018', 'fence-2019', 'rise-kabul'];

beforeEach(() => {
	scroller.enter = undefined;
	scroller.progress = undefined;
	scroller.instances = 0;
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('observeSteps', () => {
	it('keeps scrollama from listening to scroll events, which would force a layout in each', () => {
		const p = page(IDS);
		observeSteps(p.steps, OFFSET, recorder().on);
		expect(p.doc.listeners.get('scroll')?.size ?? 0).toBe(0);
		// Only that listener: scrollama's others are added, and the document's method is its own.
		expect(p.doc.listeners.get('visibilitychange')?.size).toBe(1);
		expect(Object.hasOwn(p.doc, 'addEventListener')).toBe(false);
	});

	it('lands a deep link (#step) on that step with its drawing finished', () => {
		const p = page(IDS, '#fence-2018');
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		// At once, before scrollama reports anything.
		expect(r.log).toEqual(['step 2 1']);
	});

	it('follows an in-page link to a step (hash change), finished', () => {
		const p = page(IDS);
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		(location as { hash: string }).hash = '#fence-2019';
		p.win.fire('hashchange');
		expect(r.at()).toEqual({ index: 3, progress: 1 });
	});

	it('on a reload or jump into the middle of a step, draws what scrolling there draws', () => {
		const step = mapSteps(story).find((s) => s.id === 'fence-2018')!; // its fence grows as read
		// Scrolling there: through step 1, into step 2, on to 40% of it.
		const a = page(IDS);
		const scrolled = recorder();
		observeSteps(a.steps, OFFSET, scrolled.on);
		a.scrollTo(1, 0);
		scroller.enter!({ index: 1, element: a.el(1), direction: 'down' });
		for (const t of [0.2, 0.6, 1]) scroller.progress!({ index: 1, element: a.el(1), progress: t });
		a.scrollTo(2, 0);
		scroller.enter!({ index: 2, element: a.el(2), direction: 'down' });
		for (const t of [0.1, 0.25, 0.4])
			scroller.progress!({ index: 2, element: a.el(2), progress: t });
		vi.unstubAllGlobals();

		// Reloading there: the page opens scrolled to 40% of step 2; scrollama reports the step
		// entered once, and progress only on later scroll events. The observer measures where
		// the reader is at the start of the next frame.
		const b = page(IDS);
		b.scrollTo(2, 0.4);
		const reloaded = recorder();
		observeSteps(b.steps, OFFSET, reloaded.on);
		scroller.enter!({ index: 2, element: b.el(2), direction: 'down' });
		b.nextFrame();

		expect(reloaded.at().index).toBe(scrolled.at().index);
		expect(reloaded.at().progress).toBeCloseTo(scrolled.at().progress, 9);
		expect(drawnAt(step, reloaded.at().progress).fence).toBeCloseTo(
			drawnAt(step, scrolled.at().progress).fence!,
			9
		);
		// And that is not the step's start: the check would catch a reload drawn at 0.
		expect(drawnAt(step, reloaded.at().progress).fence).toBeGreaterThan(drawnAt(step, 0).fence!);
	});

	it('gives scrollama the trigger line it measures progress from, unrounded', () => {
		// scrollama's types list tenths only; 0.75 rounded would put steps' changes and the
		// progress measured on a jump 5% of the screen apart.
		const p = page(IDS);
		observeSteps(p.steps, OFFSET, recorder().on);
		expect((scroller.options as { offset: number; progress: boolean }).offset).toBe(OFFSET);
		expect((scroller.options as { progress: boolean }).progress).toBe(true);
	});

	it('makes a step the active one when it takes focus (keyboard, screen reader), finished', () => {
		const p = page(IDS);
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		p.container.fire('focusin', { target: p.steps[3] });
		expect(r.log).toEqual(['step 3 1']);
		// Focus moving within the step being read changes nothing.
		p.container.fire('focusin', { target: p.steps[3] });
		expect(r.log).toEqual(['step 3 1']);
	});

	it('passes on progress through the active step, and ignores progress of any other', () => {
		const p = page(IDS);
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		p.readTo(1, 0);
		scroller.progress!({ index: 1, element: p.el(1), progress: 0.3 });
		// A late report from the step just left must not redraw this one.
		scroller.progress!({ index: 0, element: p.el(0), progress: 0.9 });
		expect(r.at()).toEqual({ index: 1, progress: 0.3 });
	});

	it('keeps the reader on their step when the mobile address bar shows or hides', () => {
		vi.useFakeTimers();
		const p = page(IDS);
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		p.readTo(2, 0.5);
		const before = [...r.log];
		// The bar hides: the viewport grows 56 px; the reflow makes scrollama fire an enter.
		p.win.innerHeight += 56;
		p.win.fire('resize');
		scroller.enter!({ index: 3, element: p.el(3), direction: 'down' });
		p.nextFrame();
		vi.advanceTimersByTime(200);
		expect(r.log).toEqual(before);
		expect(scroller.resize).not.toHaveBeenCalled();
		expect(p.win.scrollBy).not.toHaveBeenCalled();
	});

	it('after a real resize (rotation) re-measures and scrolls back to the same point of the step', () => {
		vi.useFakeTimers();
		const p = page(IDS);
		const r = recorder();
		observeSteps(p.steps, OFFSET, r.on);
		p.readTo(2, 0.5);
		expect(r.at()).toEqual({ index: 2, progress: 0.5 });
		const before = [...r.log];
		// Rotation: the text reflows and the step moves; scrollama's reports mid-resize are noise.
		p.win.innerWidth = 900;
		p.win.innerHeight = 1400;
		p.win.scrollY += 300;
		p.win.fire('resize');
		scroller.enter!({ index: 3, element: p.el(3), direction: 'down' });
		p.nextFrame();
		vi.advanceTimersByTime(200);
		p.nextFrame();
		expect(scroller.resize).toHaveBeenCalledTimes(1);
		// The reader never left step 2, not even for a frame.
		expect(r.log).toEqual(before);
		expect(r.at()).toEqual({ index: 2, progress: 0.5 });
		// The trigger line is back half way through step 2.
		const rect = p.el(2).getBoundingClientRect();
		expect((p.win.innerHeight * OFFSET - rect.top) / rect.height).toBeCloseTo(0.5, 9);
	});

	it('removes every listener, its timer and scrollama on destroy', () => {
		vi.useFakeTimers();
		const p = page(IDS);
		const r = recorder();
		const destroy = observeSteps(p.steps, OFFSET, r.on);
		expect(p.win.count()).toBeGreaterThan(0);
		expect(p.container.count()).toBeGreaterThan(0);
		p.win.innerWidth = 900;
		p.win.fire('resize'); // a resize pending when the island is torn down
		destroy();
		expect(p.win.count()).toBe(0);
		expect(p.container.count()).toBe(0);
		expect(scroller.destroy).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(500);
		expect(scroller.resize).not.toHaveBeenCalled();
		expect(p.win.scrollBy).not.toHaveBeenCalled();
		expect(r.log).toEqual([]);
	});
});
