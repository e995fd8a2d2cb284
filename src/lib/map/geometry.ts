import { geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { cumulativeLengths, northFirst, type Point } from './fence';

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

export interface PreparedMap {
	countries: { iso3: string; name: string; d: string }[];
	provinces: {
		iso: string;
		name: string;
		country: string;
		disputed: boolean;
		d: string;
		centroid: Point;
	}[];
	/** International borders other than the Durand Line and the Kashmir lines. */
	borders: string;
	/** Province boundaries inside Afghanistan and Pakistan. */
	provinceBorders: string;
	durand: { d: string; points: Point[]; cum: number[] };
	loc: { kind: string; d: string }[];
	places: Map<string, { place: MapPlace; xy: Point }>;
	/** Kilometres per base-frame unit near the middle of the region (sizes approximate areas). */
	kmPerUnit: number;
}

type Props = Record<string, unknown>;

/**
 * Projects the map data once into the base frame. Everything the renderer draws comes from
 * here; the camera then only transforms it.
 */
export function prepareMap(
	topology: Topology,
	places: MapPlace[],
	projection: GeoProjection,
	options: { digits?: number } = {}
): PreparedMap {
	const path = geoPath(projection).digits(options.digits ?? 2);
	const objects = topology.objects as Record<string, GeometryCollection<Props>>;
	const countriesObj = objects.countries;
	const provincesObj = objects.provinces;
	const durandObj = objects.durand;
	const locObj = objects.loc;
	if (!countriesObj || !provincesObj || !durandObj || !locObj) {
		throw new Error('Map data lacks one of the objects countries, provinces, durand, loc');
	}

	const countries = feature(topology, countriesObj).features.map((f) => ({
		iso3: String(f.properties?.iso3 ?? ''),
		name: String(f.properties?.name ?? ''),
		d: path(f) ?? ''
	}));

	const provinces = feature(topology, provincesObj).features.map((f) => {
		const c = path.centroid(f);
		return {
			iso: String(f.properties?.iso ?? ''),
			name: String(f.properties?.name ?? ''),
			country: String(f.properties?.adm0 ?? f.properties?.country ?? ''),
			disputed: Boolean(f.properties?.disputed),
			d: path(f) ?? '',
			centroid: [c[0], c[1]] as Point
		};
	});

	const iso = (g: { properties?: Props | null }) => String(g.properties?.iso3 ?? '');
	const isAfPak = (a: string, b: string) =>
		(a === 'AFG' && b === 'PAK') || (a === 'PAK' && b === 'AFG');
	const isKashmir = (a: string, b: string) =>
		(a === 'PAK' && (b === 'IND' || b === 'KAS')) ||
		(b === 'PAK' && (a === 'IND' || a === 'KAS')) ||
		a === 'KAS' ||
		b === 'KAS';
	const borders =
		path(
			mesh(topology, countriesObj, (a, b) => {
				if (a === b) return false;
				const x = iso(a);
				const y = iso(b);
				return !isAfPak(x, y) && !isKashmir(x, y);
			})
		) ?? '';
	const provinceBorders =
		path(
			mesh(
				topology,
				provincesObj,
				(a, b) => a !== b && (a.properties as Props)?.adm0 === (b.properties as Props)?.adm0
			)
		) ?? '';

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
	const durand = {
		d: points.length
			? 'M' + points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join('L')
			: '',
		points,
		cum: cumulativeLengths(points)
	};

	const loc = feature(topology, locObj).features.map((f) => ({
		kind: String(f.properties?.kind ?? 'LoC'),
		d: path(f) ?? ''
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

function kmPerUnitAt(projection: GeoProjection, [x, y]: [number, number]): number {
	const a = projection.invert?.([x - 5, y]);
	const b = projection.invert?.([x + 5, y]);
	return a && b ? (geoDistance(a, b) * 6371) / 10 : 1;
}
