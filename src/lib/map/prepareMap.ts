import { geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { compactPathContext } from './compactPath';
import type { MapText } from './labelText';
import { nameSpots, type NameSpot } from './nameSpots';
import { cumulativeLengths, northFirst, type Point } from './polyline';
import { BASE_HEIGHT, BASE_WIDTH } from './projection';
import { groundKm } from './scale';

/** The fields of a gazetteer place the map needs. */
export interface MapPlace {
	id: string;
	name: string;
	short?: string;
	lat: number;
	lon: number;
	kind: string;
	approximate?: boolean;
}

export interface GeoProvince {
	iso: string;
	name: string;
	country: string;
	disputed: boolean;
	centroid: Point;
	/** Other points its name may stand at, the deepest first, with their room (nameSpots.ts). */
	spots: NameSpot[];
}

/**
 * What the map's picture is derived from, without the drawn geometry: places, province
 * centroids, the Durand Line as points. Small enough to travel in the page to the map island.
 */
export interface MapGeo {
	provinces: GeoProvince[];
	durand: { points: Point[]; cum: number[] };
	places: Map<string, { place: MapPlace; xy: Point }>;
	/** Kilometres per base-frame unit near the middle of the region (sizes approximate areas). */
	kmPerUnit: number;
	/**
	 * The map's words in an edition other than English: its names and its shaped word widths
	 * (labelText.ts). Absent, labels use the map data's English names and estimated widths.
	 */
	text?: MapText;
}

/**
 * Compact SVG path data (see compactPath.ts) on a grid of 1/`grid` base-frame units: draw it
 * with `transform="scale(1/grid)"`.
 */
export interface GridPath {
	d: string;
	grid: number;
}

/** The geometry drawn: the base map projected once, as compact SVG path data. */
export interface PreparedMap extends MapGeo {
	countries: ({ iso3: string; name: string } & GridPath)[];
	provinces: (GeoProvince & GridPath)[];
	/** International borders other than the Durand Line and the Kashmir lines. */
	borders: GridPath[];
	/** Province boundaries inside Afghanistan and Pakistan. */
	provinceBorders: GridPath;
	durand: { path: GridPath; points: Point[]; cum: number[] };
	loc: ({ kind: string } & GridPath)[];
}

/**
 * Grids per layer. The story's live map carries the whole region in the page, so its layers are
 * only as precise as they are ever seen: Afghanistan, Pakistan and their lines to a fifth of a
 * base unit (a pixel at the closest zoom), the Durand Line to a tenth, the neighbours — seen
 * only at the regional scale — to one unit and clipped near the frame.
 */
export const LIVE_GRIDS = { land: 5, lines: 5, durand: 10, neighbours: 1 } as const;
/** How far beyond the base frame (in base units) the live map's neighbours are kept. */
export const NEIGHBOUR_EXTENT: [[number, number], [number, number]] = [
	[-60, -60],
	[BASE_WIDTH + 60, BASE_HEIGHT + 60]
];

type Props = Record<string, unknown>;
const AFPAK = new Set(['AFG', 'PAK']);

/**
 * Projects the map data once into the base frame. Everything the renderer draws comes from
 * here; the camera then only transforms it. `grid` sets one grid for every layer (static maps,
 * whose projection is already clipped to their view); `live` gives the live map's per-layer grids
 * and the same projection clipped to NEIGHBOUR_EXTENT, for the neighbouring countries.
 */
export function prepareMap(
	topology: Topology,
	places: MapPlace[],
	projection: GeoProjection,
	options: { grid?: number; live?: { neighbours: GeoProjection } } = {}
): PreparedMap {
	const one = options.grid ?? 10;
	const grids = options.live ? LIVE_GRIDS : { land: one, lines: one, durand: one, neighbours: one };
	const neighbourProjection = options.live?.neighbours ?? projection;
	const writer = (grid: number, proj = projection) => {
		const context = compactPathContext(grid);
		const path = geoPath(proj, context);
		return (object: GeoPermissibleObjects): GridPath => {
			path(object);
			return { d: context.result(), grid };
		};
	};
	const land = writer(grids.land);
	const lines = writer(grids.lines);
	const neighbours = writer(grids.neighbours, neighbourProjection);
	const bordersNear = writer(grids.lines, neighbourProjection);
	const centroid = geoPath(projection);

	const objects = topology.objects as Record<string, GeometryCollection<Props>>;
	const countriesObj = objects.countries;
	const provincesObj = objects.provinces;
	const durandObj = objects.durand;
	const locObj = objects.loc;
	if (!countriesObj || !provincesObj || !durandObj || !locObj) {
		throw new Error('Map data lacks one of the objects countries, provinces, durand, loc');
	}

	const iso = (g: { properties?: Props | null }) => String(g.properties?.iso3 ?? '');
	const countries = feature(topology, countriesObj).features.map((f) => {
		const code = iso(f);
		return {
			iso3: code,
			name: String(f.properties?.name ?? ''),
			...(AFPAK.has(code) ? land(f) : neighbours(f))
		};
	});

	const provinces = feature(topology, provincesObj).features.map((f) => {
		const c = centroid.centroid(f);
		return {
			iso: String(f.properties?.iso ?? ''),
			name: String(f.properties?.name ?? ''),
			country: String(f.properties?.adm0 ?? f.properties?.country ?? ''),
			disputed: Boolean(f.properties?.disputed),
			...lines(f),
			centroid: [c[0], c[1]] as Point,
			spots: nameSpots(projectedPolygons(f.geometry, projection))
		};
	});

	const isAfPak = (a: string, b: string) =>
		(a === 'AFG' && b === 'PAK') || (a === 'PAK' && b === 'AFG');
	const isKashmir = (a: string, b: string) =>
		(a === 'PAK' && (b === 'IND' || b === 'KAS')) ||
		(b === 'PAK' && (a === 'IND' || a === 'KAS')) ||
		a === 'KAS' ||
		b === 'KAS';
	const border = (touchesAfPak: boolean) =>
		mesh(topology, countriesObj, (a, b) => {
			if (a === b) return false;
			const x = iso(a);
			const y = iso(b);
			if (isAfPak(x, y) || isKashmir(x, y)) return false;
			return (AFPAK.has(x) || AFPAK.has(y)) === touchesAfPak;
		});
	// Afghanistan's and Pakistan's borders as precisely as their land; the neighbours' own
	// borders as coarsely as the neighbours.
	const borders = [bordersNear(border(true)), neighbours(border(false))];
	const provinceBorders = lines(
		mesh(
			topology,
			provincesObj,
			(a, b) => a !== b && (a.properties as Props)?.adm0 === (b.properties as Props)?.adm0
		)
	);

	const durandFeatures = feature(topology, durandObj).features;
	const line = durandFeatures[0]?.geometry;
	const raw: [number, number][] =
		line?.type === 'LineString'
			? (line.coordinates as [number, number][])
			: line?.type === 'MultiLineString'
				? (line.coordinates as [number, number][][]).flat()
				: [];
	const points = northFirst(
		raw.map((c) => projection(c)).filter((p): p is [number, number] => p !== null)
	);
	// Written from its northern end: the fence is drawn along it from there.
	const durandPath = compactPathContext(grids.durand);
	points.forEach(([x, y], i) => (i === 0 ? durandPath.moveTo(x, y) : durandPath.lineTo(x, y)));
	const durand = {
		path: { d: durandPath.result(), grid: grids.durand },
		points,
		cum: cumulativeLengths(points)
	};

	const loc = feature(topology, locObj).features.map((f) => ({
		kind: String(f.properties?.kind ?? 'LoC'),
		...lines(f)
	}));

	const placeMap = new Map<string, { place: MapPlace; xy: Point }>();
	for (const p of places) {
		const xy = projection([p.lon, p.lat]);
		if (xy) placeMap.set(p.id, { place: p, xy: [xy[0], xy[1]] });
	}

	return {
		countries,
		provinces,
		borders,
		provinceBorders,
		durand,
		loc,
		places: placeMap,
		kmPerUnit: kmPerUnitAt(projection, projection([69, 32]) ?? [0, 0])
	};
}

/** A polygon's or multipolygon's rings in base-frame units (outline first, then holes). */
function projectedPolygons(
	geometry: { type: string; coordinates?: unknown } | null,
	projection: GeoProjection
): Point[][][] {
	const polygons = (
		geometry?.type === 'Polygon'
			? [geometry.coordinates]
			: geometry?.type === 'MultiPolygon'
				? geometry.coordinates
				: []
	) as number[][][][];
	return polygons.map((rings) =>
		rings.map((ring) =>
			ring.map((c) => projection([c[0]!, c[1]!])).filter((p): p is [number, number] => p !== null)
		)
	);
}

function kmPerUnitAt(projection: GeoProjection, [x, y]: [number, number]): number {
	const km = groundKm(projection, [x - 5, y], [x + 5, y]);
	return km === null ? 1 : km / 10;
}
