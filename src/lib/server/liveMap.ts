import { islandData, ISLAND_DATA_ID, type MapWords } from '$lib/island/islandData';
import { scriptJson } from '$lib/article/jsonLd';
import { mapFrame } from '$lib/map/frameLabels';
import { NEIGHBOUR_EXTENT, prepareMap, type PreparedMap } from '$lib/map/prepareMap';
import { createProjection } from '$lib/map/projection';
import type { MapText } from '$lib/map/labelText';
import { drawnAt, type MapStep } from '$lib/map/mapState';
import { mapData, projection } from './staticMap';

/**
 * The story's live map as the build draws it: the whole base map once (the camera only moves
 * it), the first step's frame for the desktop layout, and the island's data block. An edition's
 * map text (mapText.ts) names its labels in the edition's language and measures them.
 */

/** The layout the prerendered map is drawn for: the desktop map column at 1440×900. */
export const PRERENDER_VIEWPORT = { width: 960, height: 900 };

let prepared: PreparedMap | undefined;

export function liveMap(
	steps: MapStep[],
	analytics: string,
	words: MapWords,
	rtl = false,
	text?: MapText
) {
	if (!prepared) {
		const { topology, places } = mapData();
		prepared = prepareMap(topology, places, projection, {
			live: { neighbours: createProjection().clipExtent(NEIGHBOUR_EXTENT) }
		});
	}
	const map: PreparedMap = text ? { ...prepared, text } : prepared;
	const first = steps[0];
	if (!first) throw new Error('The story has no steps');
	const frame = mapFrame(first, map, projection, {
		kind: 'live',
		viewport: PRERENDER_VIEWPORT,
		rtl
	});
	const highlightable = [...new Set(steps.flatMap((s) => s.highlight))];
	const { labels, reference } = frame;
	const data = islandData(
		steps,
		map,
		projection,
		PRERENDER_VIEWPORT,
		{ labels, reference },
		analytics || null,
		words
	);
	return {
		map,
		frame,
		drawn: drawnAt(first, 1, { reducedMotion: true }),
		highlightable,
		words,
		islandJson: `<script type="application/json" id="${ISLAND_DATA_ID}">${scriptJson(data)}</${'script'}>`
	};
}
