import type { GeoProjection } from 'd3-geo';
import type { Viewport } from '$lib/map/camera';
import { cumulativeLengths, type Point } from '$lib/map/polyline';
import type { GeoProvince, MapGeo, MapPlace } from '$lib/map/prepareMap';
import {
	fittedProjector,
	projectorParams,
	type Projector,
	type ProjectorParams
} from '$lib/map/projection';
import type { FrameLabels } from '$lib/map/frameLabels';
import type { MapText } from '$lib/map/labelText';
import type { MapStep } from '$lib/map/mapState';
import { legendText, type LegendText } from '$lib/map/legendItems';
import type { Edition } from '$lib/edition/edition';

/** The live map's own words in the page's edition: the key, its name, the figure's title. */
export interface MapWords {
	legend: LegendText;
	legendTitle: string;
	/** With `{view}` and `{date}` to fill. */
	title: string;
	/** The timeline's "Date shown on map: " for screen readers. */
	dateShown: string;
	/** The edition's digits 0–9, for the timeline's years. */
	digits: string;
}

/**
 * What the build hands the map island, as a JSON data block in the page: the per-step map table
 * (no prose: each step's map description is read from its card), the little geometry the frame
 * is derived from (places, province centroids, the Durand Line as points), the projection's
 * fitted parameters and the size the server drew the map at. Never the story document, never
 * the map data: the base map itself is already drawn in the page.
 */
export interface IslandData {
	steps: MapStep[];
	places: [string, MapPlace, Point][];
	provinces: GeoProvince[];
	durand: Point[];
	kmPerUnit: number;
	projection: ProjectorParams;
	/** The viewport the prerendered map was drawn for. */
	drawnFor: Viewport;
	/** The first step's labels as the page draws them (at `drawnFor`): no worker round trip
	 *  before the first view's names, and no flash when the island takes over. */
	drawnLabels: FrameLabels;
	/** Page-view beacon endpoint, when the site sets one. */
	analytics: string | null;
	words: MapWords;
	/**
	 * An edition's names and word widths for the labels (labelText.ts): only what its map can
	 * label, never the whole table. Absent in English.
	 */
	text?: MapText;
}

/** The live map's words in an edition. */
export function mapWords(edition: Edition): MapWords {
	return {
		legend: legendText(edition.t),
		legendTitle: edition.t('map.key'),
		title: edition.ui['map.title'],
		dateShown: edition.t('map.dateShown'),
		digits: edition.digits('0123456789')
	};
}

export const ISLAND_DATA_ID = 'map-island-data';

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const roundPoint = ([x, y]: Point): Point => [round(x, 2), round(y, 2)];

export function islandData(
	steps: MapStep[],
	geo: MapGeo,
	projection: GeoProjection,
	drawnFor: Viewport,
	drawnLabels: FrameLabels,
	analytics: string | null,
	words: MapWords
): IslandData {
	return {
		steps: steps.map((s) => ({ ...s, description: '' })),
		places: [...geo.places.entries()].map(([id, { place, xy }]) => {
			const { id: pid, name, short, lat, lon, kind, approximate } = place;
			const slim: MapPlace = { id: pid, name, lat, lon, kind };
			if (short) slim.short = short;
			if (approximate) slim.approximate = true;
			return [id, slim, roundPoint(xy)];
		}),
		provinces: geo.provinces.map(({ iso, name, country, disputed, centroid, spots }) => ({
			iso,
			name,
			country,
			disputed,
			centroid: roundPoint(centroid),
			spots: spots.map(([x, y, room]) => [round(x, 2), round(y, 2), round(room, 2)])
		})),
		durand: geo.durand.points.map(roundPoint),
		kmPerUnit: geo.kmPerUnit,
		projection: projectorParams(projection),
		drawnFor,
		drawnLabels,
		analytics,
		words,
		...(geo.text ? { text: geo.text } : {})
	};
}

/** The island's side: the frame's geometry and projection back from the data block. */
export function geoFromIslandData(data: IslandData): { geo: MapGeo; projection: Projector } {
	const projection = fittedProjector(data.projection);
	return {
		geo: {
			places: new Map(data.places.map(([id, place, xy]) => [id, { place, xy }])),
			provinces: data.provinces,
			durand: { points: data.durand, cum: cumulativeLengths(data.durand) },
			kmPerUnit: data.kmPerUnit,
			text: data.text
		},
		projection
	};
}
