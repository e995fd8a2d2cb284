/**
 * The map island: the one script the story page loads. It adopts the prerendered map in the
 * sticky figure and brings it to life: the step observer, the camera, progress-linked drawing,
 * legend, timeline and the map's live description. Everything else on the page is static HTML.
 */
import { mount } from 'svelte';
import { sendPageView } from '$lib/article/analytics';
import type { Camera, Viewport } from '$lib/map/camera';
import {
	frameBasis,
	PHONE_MEDIA,
	type FrameBasis,
	type FrameLayout,
	type MapFrame
} from '$lib/map/frame';
import Legend from '$lib/map/Legend.svelte';
import MapLabels from '$lib/map/MapLabels.svelte';
import MapOverlay from '$lib/map/MapOverlay.svelte';
import { drawnAt } from '$lib/map/mapState';
import Timeline from '$lib/map/Timeline.svelte';
import { fill } from '$lib/edition/ui';
import { adoptBaseMap } from './baseMap';
import { createFlight } from './cameraFlight';
import { geoFromIslandData, ISLAND_DATA_ID, type IslandData } from './islandData';
import { labelsOffThread } from './labelsOffThread';
import { observeSteps } from './stepObserver';
import { createView } from './view.svelte';

const sameSize = (a: Viewport, b: Viewport) => a.width === b.width && a.height === b.height;

function start() {
	const figure = document.querySelector<HTMLElement>('figure.story-map');
	const block = document.getElementById(ISLAND_DATA_ID);
	const scrolly = document.querySelector<HTMLElement>('.scrolly');
	const svg = figure?.querySelector<SVGSVGElement>('svg.map-svg');
	const layer = figure?.querySelector<HTMLElement>('.map-layer');
	const overlay = figure?.querySelector<SVGGElement>('svg.map-overlay g.overlay');
	const words = figure?.querySelector<SVGGElement>('svg.map-labels g.words');
	const legendSlot = figure?.querySelector<HTMLElement>('.legend-slot');
	const timelineSlot = figure?.querySelector<HTMLElement>('.timeline-slot');
	if (
		!figure ||
		!block ||
		!scrolly ||
		!svg ||
		!layer ||
		!overlay ||
		!words ||
		!legendSlot ||
		!timelineSlot
	)
		return;

	const data = JSON.parse(block.textContent ?? '') as IslandData;
	const { geo, projection } = geoFromIslandData(data);
	const steps = data.steps;
	const stepEls = [...scrolly.querySelectorAll<HTMLElement>('.step')];
	const cards = stepEls.map((el) => el.querySelector<HTMLElement>('.card'));
	const description = (i: number) =>
		stepEls[i]?.querySelector('.map-description')?.textContent?.replace(/^Map: /, '') ?? '';
	const title = figure.querySelector('#map-title');
	const caption = figure.querySelector('#map-description');
	const offset = Number(
		scrolly.querySelector<HTMLElement>('[data-trigger]')?.dataset.trigger ?? 0.75
	);
	const motion = matchMedia('(prefers-reduced-motion: reduce)');
	const phone = matchMedia(PHONE_MEDIA);
	const rtl = document.documentElement.dir === 'rtl';

	let index = 0;
	let progress = 1;
	let viewport: Viewport = data.drawnFor;
	const cardHeights = stepEls.map(() => 0);
	const placer = labelsOffThread(data, () => (figure.dataset.labels = 'failed'));
	/** Frames by step and layout: the basis at once, the labels when the worker has placed them. */
	const frames = new Map<string, { basis: FrameBasis; labeled?: MapFrame }>();
	/** A frame's key: the step and what of the layout it depends on (the card only on phones). */
	const layoutOf = (i: number): { key: string; layout: FrameLayout } => ({
		key: `${i}|${viewport.width}x${viewport.height}|${phone.matches ? Math.round((cardHeights[i] ?? 0) / 8) : '-'}`,
		layout: { kind: 'live', viewport, phone: phone.matches, cardHeight: cardHeights[i], rtl }
	});
	/** Step i's frame for the current layout: labelled (`placed`) if the worker has answered,
	 *  else without labels, with `onLabels` called once they are placed. */
	const frameAt = (
		i: number,
		onLabels?: (frame: MapFrame) => void
	): { frame: MapFrame; placed: boolean } => {
		const { key, layout } = layoutOf(i);
		let entry = frames.get(key);
		if (!entry) {
			const basis = frameBasis(steps[i]!, geo, projection, layout);
			// The page drew the first step at this layout: its labels are in the data block.
			const drawn = i === 0 && !phone.matches && sameSize(viewport, data.drawnFor);
			entry = { basis, labeled: drawn ? { ...basis, ...data.drawnLabels } : undefined };
			frames.set(key, entry);
		}
		if (entry.labeled) return { frame: entry.labeled, placed: true };
		const e = entry;
		void placer.place(key, e.basis).then((placed) => {
			e.labeled ??= { ...e.basis, ...placed };
			if (frames.get(key) === e) onLabels?.(e.labeled);
		});
		return { frame: { ...entry.basis, labels: [], reference: [] }, placed: false };
	};

	const base = adoptBaseMap(layer);
	let frame: MapFrame;
	let view: ReturnType<typeof createView> | undefined;
	let flight: ReturnType<typeof createFlight> | undefined;

	/**
	 * The live overlay, legend and timeline replace the prerendered ones in one task, before the
	 * next paint, so the reader never sees the swap. That waits for the first size report: the
	 * page was drawn for a desktop column, and a frame placed for it would be thrown away.
	 */
	const goLive = () => {
		frame = frameAt(index).frame;
		view = createView(geo, frame, data.words);
		overlay.replaceChildren();
		mount(MapOverlay, { target: overlay, props: view.overlay });
		words.replaceChildren();
		mount(MapLabels, { target: words, props: view.labels });
		legendSlot.replaceChildren();
		mount(Legend, { target: legendSlot, props: view.legend });
		timelineSlot.replaceChildren();
		mount(Timeline, { target: timelineSlot, props: view.timeline });
		const v = view;
		flight = createFlight(
			layer,
			(camera: Camera) => {
				base.camera(camera);
				v.overlay.camera = camera;
			},
			(flying) => {
				figure.dataset.flying = String(flying);
				if (!flying) landed();
			}
		);
		show(true);
		figure.dataset.status = 'ready';
	};

	/** Progress within the step: only the fence and the routes being drawn change. */
	const draw = () => {
		if (!view) return;
		const drawn = drawnAt(frame.step, progress, { reducedMotion: motion.matches });
		base.fence(drawn.fence);
		view.overlay.drawn = drawn.routes;
		scrolly.dataset.progress = progress.toFixed(2);
	};

	/**
	 * The frame's words: its labels (placed or not yet) and scale bar. While the camera flies
	 * they are hidden (LiveMap.svelte), so they wait for it to land instead of being built and
	 * laid out for nobody: a reader who scrolls on before a flight ends passes steps whose
	 * words were never on screen. Meanwhile the figure says they are pending, which keeps the
	 * last step's words hidden when the camera lands, until the new ones are in.
	 */
	let wordsWaiting: { frame: MapFrame; placed: boolean } | null = null;
	const showLabels = (shown: MapFrame, placed: boolean) => {
		if (!view) return;
		const failed = figure.dataset.labels === 'failed';
		if (flight?.flying) {
			wordsWaiting = { frame: shown, placed };
			if (!failed) figure.dataset.labels = 'pending';
			return;
		}
		wordsWaiting = null;
		view.labels.frame = shown;
		if (!failed) figure.dataset.labels = placed ? 'placed' : 'pending';
	};
	/** The camera has landed: the words that waited are shown after the landing's own frame. */
	const landed = () => {
		const waiting = wordsWaiting;
		if (!waiting) return;
		afterNextFrame(() => {
			if (wordsWaiting === waiting && !flight?.flying) showLabels(waiting.frame, waiting.placed);
		});
	};

	/**
	 * A new frame: once per step, size or card height, never per scroll tick. What the reader
	 * sees move comes first (the cards, the base map, routes and markers, the camera); the
	 * map's words (labels and scale bar, hidden while the camera flies), the legend, the
	 * timeline and the map's title and description follow after the next frame, so a step's
	 * style, layout and paint are spread over two frames instead of one long one.
	 */
	let shown = 0;
	const show = (instant: boolean) => {
		if (!view || !flight) return;
		const at = index;
		const token = ++shown;
		let wordsShown = false;
		const { frame: next, placed } = frameAt(at, (labeled) => {
			if (index === at && frame.target === labeled.target && view) {
				frame = labeled;
				view.overlay.frame = labeled;
				if (wordsShown) showLabels(labeled, true);
			}
		});
		const changed = next.target !== frame.target;
		frame = next;
		const step = frame.step;
		stepEls.forEach((el, i) => {
			el.classList.toggle('active', i === index);
			if (i === index) el.setAttribute('aria-current', 'step');
			else el.removeAttribute('aria-current');
		});
		base.show(step.highlight, step.layers.includes('loc'));
		view.overlay.frame = frame;
		draw();
		if (changed || instant) flight.to(frame.target, viewport, instant || motion.matches);
		const words = () => {
			if (token !== shown || !view) return;
			wordsShown = true;
			// The worker may have placed the labels since: then `frame` is the labelled one.
			showLabels(frame, placed || frame !== next);
			view.legend.items = frame.legend;
			view.timeline.year = step.year;
			view.timeline.label = step.dateLabel;
			if (title)
				title.textContent = fill(data.words.title, { view: step.view.label, date: step.dateLabel });
			if (caption) caption.textContent = description(at);
			figure.dataset.step = step.id;
			figure.dataset.view = step.view.id;
			svg.dataset.step = step.id;
			svg.dataset.zoom = frame.target.k.toFixed(3);
			scrolly.dataset.activeStep = step.id;
			whenIdle(prepareNeighbours);
			whenIdle(layOutAhead);
		};
		if (instant) words();
		else afterNextFrame(words);
	};
	/** Runs after the next frame has been painted, in a task of its own. */
	const afterNextFrame = (run: () => void) => requestAnimationFrame(() => setTimeout(run, 0));

	/**
	 * The steps either side: their frames are derived, and their labels placed in the worker,
	 * ahead of the reader, once the main thread is idle (not in the frame that starts a flight).
	 */
	const prepareNeighbours = () => {
		for (const i of [index + 1, index - 1]) if (i >= 0 && i < steps.length) frameAt(i);
	};
	/**
	 * The next cards, laid out while the page is idle. A card is laid out only when it first
	 * nears the screen (content-visibility), inside a scroll frame; asked for its height here,
	 * the browser lays it out now and keeps the result, so that frame has nothing to do.
	 */
	const laidOut = new Set<number>();
	const layOutAhead = () => {
		for (const i of [index + 1, index + 2]) {
			const card = cards[i];
			if (!card || laidOut.has(i)) continue;
			laidOut.add(i);
			void card.offsetHeight;
		}
	};
	const whenIdle = (run: () => void) => {
		if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
		else setTimeout(run, 100);
	};

	// The canvas size and the cards' heights arrive from one resize observer, together on the
	// first report: no layout is read here, and none in the scroll path.
	const canvas = layer.parentElement ?? layer;
	const observer = new ResizeObserver((entries) => {
		let resized = false;
		let activeChanged = false;
		let neighbourChanged = false;
		for (const entry of entries) {
			if (entry.target === canvas) {
				const { width, height } = entry.contentRect;
				if (width < 1 || height < 1) continue;
				const next = { width: Math.round(width), height: Math.round(height) };
				if (view && next.width === viewport.width && next.height === viewport.height) continue;
				viewport = next;
				resized = true;
				continue;
			}
			const i = cards.indexOf(entry.target as HTMLElement);
			if (i < 0) continue;
			const h = Math.round(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
			if (Math.abs(h - (cardHeights[i] ?? 0)) < 8) continue;
			cardHeights[i] = h;
			if (i === index) activeChanged = true;
			// A card is laid out as it nears the screen (content-visibility): on a phone its
			// frame depends on its height, so the frame prepared ahead is prepared again.
			else if (Math.abs(i - index) === 1) neighbourChanged = true;
		}
		if (resized) {
			for (const el of canvas.querySelectorAll('svg'))
				el.setAttribute('viewBox', `0 0 ${viewport.width} ${viewport.height}`);
			frames.clear();
			// The cards are set at the new width: those laid out ahead are laid out again.
			laidOut.clear();
		}
		if (!view) {
			if (resized) goLive();
		} else if (resized) show(true);
		else if (activeChanged && phone.matches) show(false);
		else if (neighbourChanged && phone.matches) whenIdle(prepareNeighbours);
	});
	observer.observe(canvas);
	for (const c of cards) if (c) observer.observe(c);

	/**
	 * A step change is applied in a task of its own, after the intersection observers' callbacks
	 * that report it: scrollama reads the scroll position in each of them, which, after the new
	 * step's writes, forced the step's whole style and layout into the same long task.
	 */
	let stepPending = false;
	const showSoon = () => {
		if (stepPending) return;
		stepPending = true;
		setTimeout(() => {
			stepPending = false;
			show(false);
		}, 0);
	};
	observeSteps(stepEls, offset, {
		step(i, p) {
			index = i;
			progress = p;
			showSoon();
		},
		progress(p) {
			progress = p;
			// The frame on screen is still the last step's until the change is applied.
			if (!stepPending) draw();
		}
	});
	motion.addEventListener('change', () => show(true));

	// Print: the chapter maps are lazy images; load them before the page is printed.
	addEventListener('beforeprint', () => {
		for (const img of document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]'))
			img.loading = 'eager';
	});
	if (data.analytics) sendPageView(data.analytics);
}

// boot.ts imports this module once the page has loaded and painted.
start();
