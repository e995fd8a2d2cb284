import { toTransform, type Camera } from '$lib/map/camera';
import { dashFor } from '$lib/map/fence';

/**
 * The prerendered base map, adopted as it is: the island never redraws its geometry, it only
 * switches what a step shows (highlighted provinces, the Line of Control's emphasis, the fence)
 * and, when the camera lands, sets the camera transform and the stroke widths for the new zoom.
 *
 * It writes those as inline style (CSSOM), never as presentation attributes: changing any
 * presentation attribute of an SVG element makes the browser rebuild the element's attribute
 * style from all its attributes, `d` included, so one `visibility` or `stroke-dasharray` on a
 * province or the fence re-parsed tens of kilobytes of path data, on every step change and
 * on every scroll tick that drew more fence. Inline style overrides the server's attributes.
 */
export interface BaseMap {
	/** The provinces lit and whether the Line of Control is emphasised, for a step. */
	show(highlight: string[], emphasiseLoc: boolean): void;
	/** The fenced share (null hides the fence); touches only the fence path. */
	fence(share: number | null): void;
	/** Draw the base map at a camera. */
	camera(camera: Camera): void;
}

/**
 * `layer` holds the map's SVGs: the base map (`svg.map-svg`, which carries the map's data
 * attributes) and the overlay; each has a camera group in base-frame coordinates.
 */
export function adoptBaseMap(layer: HTMLElement): BaseMap {
	const svg = layer.querySelector<SVGSVGElement>('svg.map-svg');
	const groups = [...layer.querySelectorAll<SVGGElement>('g.camera')];
	if (!svg || !groups.length) throw new Error('The prerendered map has no camera group');
	const all = <T extends Element>(selector: string) =>
		groups.flatMap((g) => [...g.querySelectorAll<T>(selector)]);
	const provinces = all<SVGPathElement>('[data-highlight]');
	const loc = all<SVGPathElement>('[data-emphasis]');
	const stroked = all<SVGElement>('[data-w]').map((el) => ({
		el,
		w: Number(el.dataset.w),
		dash: el.dataset.dash?.split(' ').map(Number)
	}));
	const fencePath = layer.querySelector<SVGElement>('[data-layer="fence"]');
	let lastFence: string | undefined;
	let lastK = NaN;
	let lastTransform = '';

	return {
		show(highlight, emphasiseLoc) {
			const lit = new Set(highlight);
			for (const p of provinces)
				p.style.visibility = lit.has(p.dataset.highlight ?? '') ? 'visible' : 'hidden';
			for (const l of loc)
				l.style.visibility =
					(l.dataset.emphasis === 'true') === emphasiseLoc ? 'visible' : 'hidden';
		},
		fence(share) {
			if (!fencePath) return;
			const key = share === null ? 'none' : share.toFixed(3);
			if (key === lastFence) return;
			lastFence = key;
			if (share === null) {
				fencePath.style.visibility = 'hidden';
				svg.removeAttribute('data-fence');
				return;
			}
			fencePath.style.visibility = 'visible';
			fencePath.style.strokeDasharray = dashFor(share);
			fencePath.dataset.share = key;
			svg.dataset.fence = key;
		},
		camera(camera) {
			const transform = toTransform(camera);
			// Unchanged (a flight that keeps the drawing on screen): nothing to repaint.
			if (transform === lastTransform) return;
			lastTransform = transform;
			for (const g of groups) g.setAttribute('transform', transform);
			if (camera.k === lastK) return;
			lastK = camera.k;
			for (const { el, w, dash } of stroked) {
				el.style.strokeWidth = (w / camera.k).toPrecision(4);
				if (dash)
					el.style.strokeDasharray = dash.map((d) => (d / camera.k).toPrecision(4)).join(' ');
			}
		}
	};
}
