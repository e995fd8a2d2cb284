import { geoDistance } from 'd3-geo';
import type { Camera } from './camera';
import type { Projector } from './projection';

const EARTH_RADIUS_KM = 6371;
/** The distances a scale bar may show, km. */
export const NICE_KM = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Ground distance (km) between two base-frame points, by the projection's inverse; null where
 * it has none. The map's one measure of scale: the scale bar and the km per base unit
 * (prepareMap's `kmPerUnit`, which sizes approximate areas) both come from it.
 */
export function groundKm(
	projection: Projector,
	a: [number, number],
	b: [number, number]
): number | null {
	const p = projection.invert?.(a);
	const q = projection.invert?.(b);
	return p && q ? geoDistance(p, q) * EARTH_RADIUS_KM : null;
}

/**
 * A scale bar for the camera at a screen point: the largest round distance that fits in
 * `maxPx`. The map is conformal, so scale varies slowly with latitude; it is measured where the
 * reader is looking (the centre of the view).
 */
export function scaleBar(
	projection: Projector,
	camera: Camera,
	at: [number, number],
	maxPx: number
): { km: number; px: number } | null {
	const toBase = ([sx, sy]: [number, number]): [number, number] => [
		(sx - camera.x) / camera.k,
		(sy - camera.y) / camera.k
	];
	const km100 = groundKm(projection, toBase([at[0] - 50, at[1]]), toBase([at[0] + 50, at[1]]));
	if (km100 === null) return null;
	const kmPerPx = km100 / 100;
	if (!(kmPerPx > 0)) return null;
	const maxKm = maxPx * kmPerPx;
	let km = NICE_KM[0] as number;
	for (const n of NICE_KM) if (n <= maxKm) km = n;
	return { km, px: km / kmPerPx };
}

/**
 * The scale bar's words for a distance: "50 km", "1,000 km", or an edition's (`labels`, made at
 * build time for every distance in NICE_KM). Not Intl: its first use costs a phone's island
 * start about 20 ms.
 */
export function scaleText(km: number, labels?: Record<string, string>): string {
	return labels?.[km] ?? `${String(km).replace(/\B(?=(\d{3})+$)/g, ',')} km`;
}
