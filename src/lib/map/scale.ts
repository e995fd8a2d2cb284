import { geoDistance } from 'd3-geo';
import type { Camera } from './camera';
import type { Projector } from './projection';

const EARTH_RADIUS_KM = 6371;
const NICE = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

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
	const invert = projection.invert;
	if (!invert) return null;
	const toBase = ([sx, sy]: [number, number]): [number, number] => [
		(sx - camera.x) / camera.k,
		(sy - camera.y) / camera.k
	];
	const a = invert(toBase([at[0] - 50, at[1]]));
	const b = invert(toBase([at[0] + 50, at[1]]));
	if (!a || !b) return null;
	const kmPerPx = (geoDistance(a, b) * EARTH_RADIUS_KM) / 100;
	if (!(kmPerPx > 0)) return null;
	const maxKm = maxPx * kmPerPx;
	let km = NICE[0] as number;
	for (const n of NICE) if (n <= maxKm) km = n;
	return { km, px: km / kmPerPx };
}
