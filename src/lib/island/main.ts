/**
 * The map island: the one script the story page loads. It adopts the prerendered map in the
 * sticky figure and brings it to life: the step observer, the camera, progress-linked drawing,
 * legend, timeline and the map's live description. Everything else on the page is static HTML.
 */
import { mount } from 'svelte';
import { sendPageView } from '$lib/article/analytics';
import type { Camera, Viewport } from '$lib/map/camera';
import { mapFrame, PHONE_MEDIA, type MapFrame } from '$lib/map/frame';
import Legend from '$lib/map/Legend.svelte';
import MapOverlay from '$lib/map/MapOverlay.svelte';
import { drawnAt } from '$lib/map/state';
import Timeline from '$lib/map/Timeline.svelte';
import { adoptBaseMap } from './baseMap';
import { createFlight } from './cameraFlight';
import { geoFromIslandData, ISLAND_DATA_ID, type IslandData } from './islandData';
import { observeSteps } from './stepObserver';
import { createView } from './view.svelte';

function start() {
	const figure = document.querySelector<HTMLElement>('figure.story-map');
	const block = document.getElementById(ISLAND_DATA_ID);
	const scrolly = document.querySelector<HTMLElement>('.scrolly');
	const svg = figure?.querySelector<SVGSVGElement>('svg.map-svg');
	const layer = figure?.querySelector<HTMLElement>('.map-layer');
	const overlay = svg?.querySelector<SVGGElement>('g.overlay');
	const legendSlot = figure?.querySelector<HTMLElement>('.legend-slot');
	const timelineSlot = figure?.querySelector<HTMLElement>('.timeline-slot');
	if (!figure || !block || !scrolly || !svg || !layer || !overlay || !legendSlot || !timelineSlot)
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

	let index = 0;
	let progress = 1;
	let viewport: Viewport = data.drawnFor;
	const cardHeights = stepEls.map(() => 0);
	const frames = new Map<string, MapFrame>();
	const frameAt = (i: number): MapFrame => {
		const step = steps[i]!;
		const key = `${i}|${viewport.width}x${viewport.height}|${phone.matches}|${Math.round((cardHeights[i] ?? 0) / 8)}`;
		let frame = frames.get(key);
		if (!frame) {
			frame = mapFrame(step, geo, projection, {
				kind: 'live',
				viewport,
				phone: phone.matches,
				cardHeight: cardHeights[i]
			});
			frames.set(key, frame);
		}
		return frame;
	};

	const base = adoptBaseMap(svg);
	let frame = frameAt(0);
	const view = createView(geo, frame);
	// The island replaces the prerendered overlay, legend and timeline with live ones in one
	// task, before the next paint: the reader never sees the swap.
	overlay.replaceChildren();
	mount(MapOverlay, { target: overlay, props: view.overlay });
	legendSlot.replaceChildren();
	mount(Legend, { target: legendSlot, props: view.legend });
	timelineSlot.replaceChildren();
	mount(Timeline, { target: timelineSlot, props: view.timeline });

	const flight = createFlight(
		layer,
		(camera: Camera, settled: boolean) => {
			base.camera(camera);
			view.overlay.camera = camera;
			view.overlay.settled = settled;
		},
		(flying) => (figure.dataset.flying = String(flying))
	);

	/** Progress within the step: only the fence and the routes being drawn change. */
	const draw = () => {
		const drawn = drawnAt(frame.step, progress, { reducedMotion: motion.matches });
		base.fence(drawn.fence);
		view.overlay.drawn = drawn.routes;
		scrolly.dataset.progress = progress.toFixed(2);
	};

	/** A new frame: once per step, size or card height, never per scroll tick. */
	const show = (instant: boolean) => {
		const next = frameAt(index);
		const changed = next !== frame;
		frame = next;
		const step = frame.step;
		base.show(step.highlight, step.layers.includes('loc'));
		view.overlay.frame = frame;
		view.legend.items = frame.legend;
		view.timeline.year = step.year;
		view.timeline.label = step.dateLabel;
		figure.dataset.step = step.id;
		figure.dataset.view = step.view.id;
		svg.dataset.step = step.id;
		svg.dataset.zoom = frame.target.k.toFixed(3);
		scrolly.dataset.activeStep = step.id;
		if (title) title.textContent = `Map: ${step.view.label}, ${step.dateLabel}.`;
		if (caption) caption.textContent = description(index);
		stepEls.forEach((el, i) => {
			el.classList.toggle('active', i === index);
			if (i === index) el.setAttribute('aria-current', 'step');
			else el.removeAttribute('aria-current');
		});
		draw();
		if (changed || instant) flight.to(frame.target, viewport, instant || motion.matches);
	};

	// The canvas size and the cards' heights arrive from resize observers: no layout is read
	// here, and none in the scroll path.
	const canvas = layer.parentElement ?? layer;
	let sized = false;
	new ResizeObserver(([entry]) => {
		if (!entry) return;
		const { width, height } = entry.contentRect;
		if (width < 1 || height < 1) return;
		const next = { width: Math.round(width), height: Math.round(height) };
		if (sized && next.width === viewport.width && next.height === viewport.height) return;
		sized = true;
		viewport = next;
		svg.setAttribute('viewBox', `0 0 ${next.width} ${next.height}`);
		frames.clear();
		show(true);
	}).observe(canvas);
	const cardObserver = new ResizeObserver((entries) => {
		let activeChanged = false;
		for (const entry of entries) {
			const i = cards.indexOf(entry.target as HTMLElement);
			if (i < 0) continue;
			const h = Math.round(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
			if (Math.abs(h - (cardHeights[i] ?? 0)) < 8) continue;
			cardHeights[i] = h;
			if (i === index) activeChanged = true;
		}
		if (activeChanged && sized && phone.matches) show(false);
	});
	for (const c of cards) if (c) cardObserver.observe(c);

	observeSteps(stepEls, offset, {
		step(i, p) {
			index = i;
			progress = p;
			show(false);
		},
		progress(p) {
			progress = p;
			draw();
		}
	});
	motion.addEventListener('change', () => show(true));

	// Print: the chapter maps are lazy images; load them before the page is printed.
	addEventListener('beforeprint', () => {
		for (const img of document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]'))
			img.loading = 'eager';
	});
	if (data.analytics) sendPageView(data.analytics);
	figure.dataset.status = 'ready';
}

start();
