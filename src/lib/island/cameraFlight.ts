import { interpolateCamera, sameCamera, type Camera, type Viewport } from '$lib/map/camera';

/**
 * Camera flights that cost the main thread nothing per frame. The map is drawn once, for a
 * camera that shows everything the flight will pass over; the flight itself is a compositor
 * animation of the map layer's CSS transform (Web Animations), sampled from the same smooth
 * zoom-and-pan path the map has always used; when it lands, the map is redrawn crisp at the
 * target and the transform removed, in the same task, so the reader never sees the swap. A
 * flight that only moves the map (the zoom is the drawing's) lands on the drawing it flew: it is
 * already crisp at that zoom, so it stays, moved by a translation, and nothing is re-rastered.
 */
export interface Flight {
	/**
	 * Fly to a camera (instantly with `instant`); calls `draw` at the start and on landing,
	 * unless the landing keeps the drawing, moved (see landsOnDrawing).
	 */
	to(target: Camera, viewport: Viewport, instant: boolean): void;
	/** Whether a flight is under way. */
	readonly flying: boolean;
	cancel(): void;
}

/** Keyframes per flight: the path between them is linear, close enough to the curve. */
const SAMPLES = 24;

const easeInOut = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

/** The base-frame rectangle a camera shows. */
function shown(c: Camera, v: Viewport): [number, number, number, number] {
	return [-c.x / c.k, -c.y / c.k, (v.width - c.x) / c.k, (v.height - c.y) / c.k];
}

/**
 * The camera to draw a flight at: the closest one that still shows every view along the path,
 * so the transformed drawing never runs out of map at its edges.
 */
export function drawingCamera(
	path: (t: number) => Camera,
	viewport: Viewport,
	samples = SAMPLES
): Camera {
	let [x0, y0, x1, y1] = shown(path(0), viewport);
	for (let i = 1; i <= samples; i++) {
		const [a, b, c, d] = shown(path(i / samples), viewport);
		x0 = Math.min(x0, a);
		y0 = Math.min(y0, b);
		x1 = Math.max(x1, c);
		y1 = Math.max(y1, d);
	}
	const k = Math.min(viewport.width / (x1 - x0), viewport.height / (y1 - y0));
	// Centre the union: the transform carries the picture wherever it has to go.
	return {
		k,
		x: viewport.width / 2 - ((x0 + x1) / 2) * k,
		y: viewport.height / 2 - ((y0 + y1) / 2) * k
	};
}

/**
 * How much coarser than the flight's own drawing camera the map already on screen may be and
 * still be kept for the flight: the picture is scaled by the compositor until the camera lands
 * and is redrawn crisp, so a little softness in flight costs less than a full redraw (on a
 * phone, re-rastering the whole base map) at the start of every flight.
 */
const KEEP_COARSER = 0.7;
/**
 * How much finer it may be: a flight out from a close-up shrinks the drawing's lines (and
 * must raster all the map it reveals at the close-up's resolution), so a drawing more than
 * three times as fine is replaced by one at the flight's own camera: in flight, lines shrink
 * to a third of their width at most.
 */
const KEEP_FINER = 3;

/**
 * The camera to draw a flight at, given the camera the map is drawn at now. The live map's
 * SVGs draw the whole map, beyond their viewport (overflow: visible, clipped by the canvas), so
 * any drawing covers every view a flight passes over; the one on screen is kept unless its
 * resolution is far from drawingCamera()'s, so most flights start without a redraw.
 */
export function flightDrawing(
	path: (t: number) => Camera,
	viewport: Viewport,
	current: Camera | null
): Camera {
	const union = drawingCamera(path, viewport);
	const keep = current && current.k >= union.k * KEEP_COARSER && current.k <= union.k * KEEP_FINER;
	return keep ? current : union;
}

/**
 * Whether a flight to `target` lands on the drawing made at `drawn`, moved: when the zoom is
 * the same, a translation shows the target exactly as a redraw would, with no new raster.
 */
export function landsOnDrawing(target: Camera, drawn: Camera | null): drawn is Camera {
	return drawn !== null && Math.abs(target.k / drawn.k - 1) < 1e-9;
}

/**
 * The CSS transform that shows a drawing made at `drawn` as `target` at rest, when the two
 * differ only by a move: the translation rounded to device pixels, so the drawing's raster is
 * shown pixel for pixel, not resampled (a quarter of a pixel off at most on a 2x screen).
 */
export function restTransform(target: Camera, drawn: Camera, dpr: number): string {
	const snap = (v: number) => Math.round(v * dpr) / dpr;
	const tx = snap(target.x - drawn.x);
	const ty = snap(target.y - drawn.y);
	return tx === 0 && ty === 0 ? '' : `translate(${tx}px,${ty}px)`;
}

/** The CSS transform that makes a drawing made at camera `drawn` look like camera `c`. */
export function layerTransform(c: Camera, drawn: Camera): string {
	const s = c.k / drawn.k;
	const tx = c.x - drawn.x * s;
	const ty = c.y - drawn.y * s;
	return `translate(${tx.toFixed(2)}px,${ty.toFixed(2)}px) scale(${s.toFixed(5)})`;
}

export function createFlight(
	layer: HTMLElement,
	/** Redraw the map at a camera; `settled` when it is the flight's target, at rest. */
	draw: (camera: Camera, settled: boolean) => void,
	onFlying: (flying: boolean) => void
): Flight {
	/** The camera the map is drawn at, and the one the reader sees (the drawing, moved). */
	let drawnCamera: Camera | null = null;
	let shownCamera: Camera | null = null;
	let animation: Animation | null = null;
	let current: { at: (t: number) => Camera; start: number; duration: number } | null = null;

	const now = (): Camera | null => {
		if (!current) return shownCamera;
		const t = Math.min(1, Math.max(0, (performance.now() - current.start) / current.duration));
		return current.at(easeInOut(t));
	};

	const stop = () => {
		animation?.cancel();
		animation = null;
		current = null;
		layer.style.willChange = '';
	};

	const land = (target: Camera) => {
		stop();
		if (landsOnDrawing(target, drawnCamera)) {
			layer.style.transform = restTransform(target, drawnCamera, devicePixelRatio || 1);
		} else {
			draw(target, true);
			drawnCamera = target;
			layer.style.transform = '';
		}
		shownCamera = target;
		onFlying(false);
	};

	return {
		get flying() {
			return current !== null;
		},
		cancel: stop,
		to(target, viewport, instant) {
			const from = now();
			if (instant || !from || typeof layer.animate !== 'function') return land(target);
			if (sameCamera(from, target) && !current) return land(target);
			const { at, duration } = interpolateCamera(from, target, viewport);
			stop();
			const drawn = flightDrawing(at, viewport, drawnCamera);
			draw(drawn, false);
			drawnCamera = drawn;
			const frames: Keyframe[] = [];
			for (let i = 0; i <= SAMPLES; i++) {
				frames.push({ transform: layerTransform(at(easeInOut(i / SAMPLES)), drawn) });
			}
			layer.style.willChange = 'transform';
			const anim = layer.animate(frames, { duration, easing: 'linear', fill: 'forwards' });
			animation = anim;
			current = { at, start: performance.now(), duration };
			onFlying(true);
			anim.onfinish = () => {
				if (animation === anim) land(target);
			};
		}
	};
}
