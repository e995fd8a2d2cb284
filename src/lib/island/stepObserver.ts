import scrollama from 'scrollama';

/**
 * The scroll layer, and nothing else: it reports which step is active and how far through it
 * the reader is. It guards against scrollama's known reader-facing failures: a deep link or
 * reload lands on the linked step; focus (keyboard, screen reader) moves the active step; the
 * mobile address bar showing or hiding does not re-trigger steps; everything is removed on
 * destroy. Steps and progress come from scrollama's intersection observers; layout is read only
 * once per step entered (at the start of a frame) and when the window is resized, never on a
 * scroll tick (scrollama's own scroll listener is not registered: see withoutScrollListener).
 */
export interface StepEvents {
	/** A step became active (progress 1 when it was reached by a jump, link or focus). */
	step(index: number, progress: number): void;
	/** The reader moved through the active step. */
	progress(progress: number): void;
}

/**
 * Runs scrollama's setup without the scroll listener it adds to the document. That listener
 * reads `window.pageYOffset` on every scroll event to keep the scroll direction, and reading the
 * scroll position forces style and layout whenever the page has changes pending, which while
 * the reader scrolls it mostly has (a card laid out as it nears the screen, the progress
 * drawing). Traced on the phone at 4× CPU, one read of the story spent 533 ms in layouts forced
 * by it, up to 11 ms in one event. It adds nothing to what scrollama reports: its step observer
 * reads the position itself before it uses the direction, in an observer callback, where the
 * layout is already clean.
 */
function withoutScrollListener<T>(setup: () => T): T {
	const add = document.addEventListener;
	document.addEventListener = function (
		this: Document,
		type: string,
		...rest: [EventListenerOrEventListenerObject, (boolean | AddEventListenerOptions)?]
	) {
		if (type !== 'scroll') add.call(this, type, ...rest);
	};
	try {
		return setup();
	} finally {
		// The document's own method again (the prototype's, not a copy of it).
		delete (document as { addEventListener?: unknown }).addEventListener;
	}
}

export function observeSteps(steps: HTMLElement[], offset: number, on: StepEvents): () => void {
	let index = 0;
	let progress = 0;
	const set = (i: number, p: number) => {
		if (i !== index) {
			index = i;
			progress = p;
			on.step(i, p);
		} else if (p !== progress) {
			progress = p;
			on.progress(p);
		}
	};

	/** Share of the step above the trigger line, as scrollama defines progress. */
	const progressAt = (el: HTMLElement): number => {
		const r = el.getBoundingClientRect();
		const p = (window.innerHeight * offset - r.top) / Math.max(1, r.height);
		return Math.min(1, Math.max(0, p));
	};

	// Deep link: the browser has scrolled to #step-id; show that step's finished state at once.
	const linked = steps.findIndex((el) => el.id === decodeURIComponent(location.hash.slice(1)));
	if (linked >= 0) set(linked, 1);

	/** The step being read when a resize began; scroll events are ignored until it settles. */
	let anchor: { index: number; progress: number } | null = null;
	const scroller = scrollama();
	// scrollama accepts any fraction; its type lists tenths only. Rounding here would put its
	// trigger line somewhere other than the one progressAt() and the resize anchor measure from.
	withoutScrollListener(() =>
		scroller.setup({
			step: steps,
			offset: offset as scrollama.DecimalType,
			progress: true,
			threshold: 2
		})
	)
		.onStepEnter(({ index: i, element, direction }) => {
			if (anchor) return; // mid-resize: the reflow, not the reader, moved the steps
			// Entered from above, the reader is at the step's start; from below, at its end.
			set(i, direction === 'up' ? 1 : 0);
			// scrollama reports progress only when the reader moves on, so after a jump (End key,
			// fast fling, anchor) measure where the trigger line crosses the step: once per step
			// entered, at the start of the next frame, before anything is written to the page
			// (reading here, after the step's writes, would force a layout).
			requestAnimationFrame(() => {
				if (index === i && !anchor) set(i, progressAt(element));
			});
		})
		.onStepProgress(({ index: i, progress: p }) => {
			if (i === index && !anchor) set(i, p);
		});

	// Re-measure on real resizes (rotation, window resize), not on the address bar moving, and
	// keep the reader on the step and at the point they were reading.
	let lastW = window.innerWidth;
	let lastH = window.innerHeight;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const onResize = () => {
		anchor ??= { index, progress };
		clearTimeout(timer);
		timer = setTimeout(() => {
			const held = anchor;
			anchor = null;
			const w = window.innerWidth;
			const h = window.innerHeight;
			if (w === lastW && Math.abs(h - lastH) < 160) return;
			lastW = w;
			lastH = h;
			scroller.resize();
			const el = held && steps[held.index];
			if (!held || !el) return;
			const r = el.getBoundingClientRect();
			window.scrollBy({
				top: r.top - (h * offset - held.progress * r.height),
				behavior: 'instant'
			});
			set(held.index, held.progress);
		}, 150);
	};
	window.addEventListener('resize', onResize);

	const onFocus = (e: FocusEvent) => {
		const el = (e.target as Element | null)?.closest<HTMLElement>('.step');
		const i = el ? steps.indexOf(el) : -1;
		if (i >= 0 && i !== index) set(i, 1);
	};
	const container = steps[0]?.parentElement;
	container?.addEventListener('focusin', onFocus);

	const onHash = () => {
		const i = steps.findIndex((el) => el.id === decodeURIComponent(location.hash.slice(1)));
		if (i >= 0) set(i, 1);
	};
	window.addEventListener('hashchange', onHash);

	return () => {
		clearTimeout(timer);
		window.removeEventListener('resize', onResize);
		window.removeEventListener('hashchange', onHash);
		container?.removeEventListener('focusin', onFocus);
		scroller.destroy();
	};
}
