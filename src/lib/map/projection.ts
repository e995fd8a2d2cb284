import { geoConicConformal, geoConicConformalRaw, type GeoProjection } from 'd3-geo';
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

/**
 * What the map's frame needs of a projection: points forward, and back for the scale bar. d3's
 * GeoProjection is one; so is the fitted projector below, which the map island uses.
 */
export interface Projector {
	(point: [number, number]): [number, number] | null;
	invert?(point: [number, number]): [number, number] | null;
}

/** A fitted projection's parameters: enough to rebuild it without fitting again. */
export interface ProjectorParams {
	scale: number;
	translate: [number, number];
}

export function projectorParams(projection: GeoProjection): ProjectorParams {
	const [tx, ty] = projection.translate();
	return { scale: projection.scale(), translate: [tx, ty] };
}

const RAD = Math.PI / 180;

/**
 * The map's projection from its fitted parameters, as d3 computes it for points (rotate, raw
 * Lambert conic, scale and translate about the projected centre) but without d3's geometry
 * stream machinery, which the map island never needs: it projects points only.
 */
export function fittedProjector({ scale: k, translate: [tx, ty] }: ProjectorParams): Projector {
	const raw = geoConicConformalRaw(PROJECTION_PARALLELS[0] * RAD, PROJECTION_PARALLELS[1] * RAD);
	const [cx, cy] = raw(0, 0);
	const rotate = PROJECTION_ROTATE[0];
	const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
	const project = (([lon, lat]: [number, number]) => {
		const [x, y] = raw(wrap(lon + rotate) * RAD, lat * RAD);
		return [tx + k * (x - cx), ty - k * (y - cy)];
	}) as Projector;
	project.invert = ([x, y]) => {
		const p = raw.invert?.((x - tx) / k + cx, (ty - y) / k + cy);
		return p ? [wrap(p[0] / RAD - rotate), p[1] / RAD] : null;
	};
	return project;
}

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
	projection: Projector,
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
