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

type View3 = [number, number, number];

/**
 * The optimal smooth zoom-and-pan path between two views [centre x, centre y, width] (van Wijk
 * and Nuij, "Smooth and efficient zooming and panning", InfoVis 2003, with ρ = √2, as in d3's
 * interpolateZoom). Written out here because d3-interpolate cannot be tree-shaken small enough
 * for the map island: importing it pulls in d3-color. Returns the path and its length S
 * (d3's duration is S × 1000 ms).
 */
export function smoothZoom(a: View3, b: View3): { at: (t: number) => View3; length: number } {
	const rho = Math.SQRT2;
	const [ux0, uy0, w0] = a;
	const [ux1, uy1, w1] = b;
	const dx = ux1 - ux0;
	const dy = uy1 - uy0;
	const d2 = dx * dx + dy * dy;
	if (d2 < 1e-12) {
		// Same centre: zoom only.
		const S = Math.log(w1 / w0) / rho;
		return {
			at: (t) => [ux0 + t * dx, uy0 + t * dy, w0 * Math.exp(rho * t * S)],
			length: Math.abs(S)
		};
	}
	const d1 = Math.sqrt(d2);
	const b0 = (w1 * w1 - w0 * w0 + 4 * d2) / (2 * w0 * 2 * d1);
	const b1 = (w1 * w1 - w0 * w0 - 4 * d2) / (2 * w1 * 2 * d1);
	const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
	const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
	const S = (r1 - r0) / rho;
	const coshr0 = Math.cosh(r0);
	return {
		at: (t) => {
			const s = t * S;
			const u = (w0 / (2 * d1)) * (coshr0 * Math.tanh(rho * s + r0) - Math.sinh(r0));
			return [ux0 + u * dx, uy0 + u * dy, (w0 * coshr0) / Math.cosh(rho * s + r0)];
		},
		length: S
	};
}

/**
 * A smooth zoom-and-pan between two cameras (see smoothZoom), so a far move zooms out, pans and
 * zooms in rather than sliding across the map. Returns the interpolator and a suggested
 * duration in ms, clamped to keep long jumps short.
 */
export function interpolateCamera(
	a: Camera,
	b: Camera,
	viewport: Viewport
): { at: (t: number) => Camera; duration: number } {
	const cx = viewport.width / 2;
	const cy = viewport.height / 2;
	// The path works in [centre x, centre y, width of view] in base units.
	const va: View3 = [(cx - a.x) / a.k, (cy - a.y) / a.k, viewport.width / a.k];
	const vb: View3 = [(cx - b.x) / b.k, (cy - b.y) / b.k, viewport.width / b.k];
	const zoom = smoothZoom(va, vb);
	const at = (t: number): Camera => {
		if (t <= 0) return a;
		if (t >= 1) return b;
		const [ux, uy, w] = zoom.at(t);
		const k = viewport.width / w;
		return { k, x: cx - ux * k, y: cy - uy * k };
	};
	const duration = Math.min(1600, Math.max(450, zoom.length * 1000 * 0.6));
	return { at, duration };
}

export function sameCamera(a: Camera, b: Camera, eps = 0.01): boolean {
	return Math.abs(a.x - b.x) < eps && Math.abs(a.y - b.y) < eps && Math.abs(a.k - b.k) < eps * 1e-3;
}
