/**
 * Which places the map may draw as a point, and which only as an approximate area. One rule for
 * markers and reference dots alike, on the live map, static maps, embeds and the share image.
 */
import { durandErrorKm } from '../../../static/data/provenance.json';

/**
 * The stated error of the Durand Line as drawn, in km, as recorded in the map data's provenance
 * (set once in scripts/build-places.js): finer than this the line cannot place anything.
 */
export const DURAND_ERROR_KM: number = durandErrorKm;

/** Radius (km) of the area drawn for an approximate place named by a step (a marker). */
export const APPROX_KM = 12;

/**
 * Radius (km) of the area drawn for an approximate reference place (a crossing shown for
 * orientation): room for the reported point and its place on the drawn line, 3–3.5 km apart.
 */
export const REFERENCE_APPROX_KM = 5;

/** The fields of a place the rule reads (a gazetteer place; `snappedKm` only for crossings). */
export interface Locatable {
	approximate?: boolean;
	/** How far the place was moved to sit on the drawn Durand Line, in km. */
	snappedKm?: number;
}

/**
 * Whether a place must be drawn as an approximate area, never as a precise pin: it is flagged
 * approximate in the data, or it was snapped onto the drawn line farther than the line's error.
 */
export function drawnAsArea(place: Locatable, errorKm: number = DURAND_ERROR_KM): boolean {
	return place.approximate === true || (place.snappedKm ?? 0) > errorKm;
}

/** Screen radius (px) of an approximate area of `km` at zoom `k`, never under `minPx`. */
export function areaRadius(km: number, kmPerUnit: number, k: number, minPx = 12): number {
	return Math.max(minPx, (km / kmPerUnit) * k);
}
