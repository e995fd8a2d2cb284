import { geoConicConformal, type GeoProjection } from 'd3-geo';
import type { Bbox } from '$lib/story/types';

/**
 * The map's one projection: Lambert conformal conic with standard parallels at 29°N and 37°N,
 * centred on 69°E — conformal, so shapes and angles stay true across Afghanistan and Pakistan.
 * Geometry is projected once into a fixed "base" frame; the camera only scales and translates it.
 */
export const BASE_WIDTH = 1000;
export const BASE_HEIGHT = 900;

/** The extent the base frame is fitted to: Afghanistan and Pakistan with some of their neighbours. */
export const BASE_EXTENT: Bbox = [59.5, 23.0, 78.5, 38.8];

export const PROJECTION_PARALLELS: [number, number] = [29, 37];
export const PROJECTION_ROTATE: [number, number] = [-69, 0];

export function createProjection(extent: Bbox = BASE_EXTENT): GeoProjection {
	const [w, s, e, n] = extent;
	return geoConicConformal()
		.parallels(PROJECTION_PARALLELS)
		.rotate(PROJECTION_ROTATE)
		.fitExtent(
			[
				[0, 0],
				[BASE_WIDTH, BASE_HEIGHT]
			],
			{ type: 'Feature', properties: {}, geometry: bboxPolygon([w, s, e, n]) }
		)
		.precision(0.1);
}

/** A bbox as a densified polygon, so its curved edges in a conic projection are fitted correctly. */
export function bboxPolygon([w, s, e, n]: Bbox, steps = 16): GeoJSON.Polygon {
	const ring: [number, number][] = [];
	for (let i = 0; i <= steps; i++) ring.push([w + ((e - w) * i) / steps, s]);
	for (let i = 1; i <= steps; i++) ring.push([e, s + ((n - s) * i) / steps]);
	for (let i = 1; i <= steps; i++) ring.push([e - ((e - w) * i) / steps, n]);
	for (let i = 1; i < steps; i++) ring.push([w, n - ((n - s) * i) / steps]);
	ring.push([w, s]);
	// d3-geo wants clockwise exterior rings (spherical winding).
	return { type: 'Polygon', coordinates: [ring.reverse()] };
}

/** Projected bounds [[x0, y0], [x1, y1]] of a lon/lat bbox in the base frame. */
export function projectBbox(
	projection: GeoProjection,
	bbox: Bbox
): [[number, number], [number, number]] {
	const ring = bboxPolygon(bbox).coordinates[0] ?? [];
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const p of ring) {
		const xy = projection(p as [number, number]);
		if (!xy) continue;
		x0 = Math.min(x0, xy[0]);
		y0 = Math.min(y0, xy[1]);
		x1 = Math.max(x1, xy[0]);
		y1 = Math.max(y1, xy[1]);
	}
	return [
		[x0, y0],
		[x1, y1]
	];
}
