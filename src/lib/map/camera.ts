import { interpolateZoom } from 'd3-interpolate';

/**
 * A camera maps the base frame to the screen: screen = base × k + (x, y).
 * Cameras are plain values, so a step's camera is derived, never accumulated.
 */
export interface Camera {
	x: number;
	y: number;
	k: number;
}

export interface Viewport {
	width: number;
	height: number;
}

/** Space to keep clear at each edge (e.g. under the phone's text cards). */
export interface Insets {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The camera that fits projected bounds inside the viewport minus insets, centred. */
export function fitBounds(
	bounds: [[number, number], [number, number]],
	viewport: Viewport,
	insets: Insets = NO_INSETS
): Camera {
	const [[x0, y0], [x1, y1]] = bounds;
	const availW = Math.max(1, viewport.width - insets.left - insets.right);
	const availH = Math.max(1, viewport.height - insets.top - insets.bottom);
	const bw = Math.max(1e-9, x1 - x0);
	const bh = Math.max(1e-9, y1 - y0);
	const k = Math.min(availW / bw, availH / bh);
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	return {
		k,
		x: insets.left + availW / 2 - cx * k,
		y: insets.top + availH / 2 - cy * k
	};
}

/** Where a base-frame point lands on screen. */
export function apply(camera: Camera, [x, y]: [number, number]): [number, number] {
	return [x * camera.k + camera.x, y * camera.k + camera.y];
}

/** The SVG transform attribute for a camera. */
export function toTransform({ x, y, k }: Camera): string {
	return `translate(${round(x)},${round(y)}) scale(${k.toPrecision(6)})`;
}

function round(v: number): number {
	return Math.round(v * 100) / 100;
}

/**
 * A smooth zoom-and-pan between two cameras (van Wijk & Nuij, via d3's interpolateZoom), so a
 * far move zooms out, pans and zooms in rather than sliding across the map. Returns the
 * interpolator and a suggested duration in ms, clamped to keep long jumps short.
 */
export function interpolateCamera(
	a: Camera,
	b: Camera,
	viewport: Viewport
): { at: (t: number) => Camera; duration: number } {
	const cx = viewport.width / 2;
	const cy = viewport.height / 2;
	// interpolateZoom works in [centre x, centre y, width of view] in base units.
	const va: [number, number, number] = [(cx - a.x) / a.k, (cy - a.y) / a.k, viewport.width / a.k];
	const vb: [number, number, number] = [(cx - b.x) / b.k, (cy - b.y) / b.k, viewport.width / b.k];
	const zoom = interpolateZoom(va, vb);
	const at = (t: number): Camera => {
		if (t <= 0) return a;
		if (t >= 1) return b;
		const [ux, uy, w] = zoom(t);
		const k = viewport.width / w;
		return { k, x: cx - ux * k, y: cy - uy * k };
	};
	const duration = Math.min(1600, Math.max(450, zoom.duration * 0.6));
	return { at, duration };
}

export function sameCamera(a: Camera, b: Camera, eps = 0.01): boolean {
	return Math.abs(a.x - b.x) < eps && Math.abs(a.y - b.y) < eps && Math.abs(a.k - b.k) < eps * 1e-3;
}
