/**
 * The real story's map as the build and the reader's page compute it, for tests that check
 * behaviour on the story as published rather than on hand-made fixtures: the validated story
 * (through the same Vite plugin as the page), the per-step map table, the whole base map
 * projected as the live map draws it, and the geometry the map island rebuilds from its data
 * block.
 */
import story from '../../../src/content/story.aml';
import { ENGLISH } from '../../../src/lib/edition/edition';
import { geoFromIslandData, islandData, mapWords } from '../../../src/lib/island/islandData';
import type { FrameLayout, MapFrame } from '../../../src/lib/map/frame';
import { mapFrame } from '../../../src/lib/map/frameLabels';
import { NEIGHBOUR_EXTENT, prepareMap } from '../../../src/lib/map/prepareMap';
import { createProjection } from '../../../src/lib/map/projection';
import { mapSteps, type MapStep } from '../../../src/lib/map/mapState';
import { PRERENDER_VIEWPORT } from '../../../src/lib/server/liveMap';
import { mapData, projection } from '../../../src/lib/server/staticMap';

export { projection, story };

export const steps: MapStep[] = mapSteps(story);

/** The whole base map, projected once as the story's live map draws it (liveMap.ts). */
export const map = prepareMap(mapData().topology, mapData().places, projection, {
	live: { neighbours: createProjection().clipExtent(NEIGHBOUR_EXTENT) }
});

/** What the map island rebuilds from the page's data block: its geometry and projector. */
export const island = geoFromIslandData(
	JSON.parse(
		JSON.stringify(
			islandData(
				steps,
				map,
				projection,
				PRERENDER_VIEWPORT,
				{ labels: [], reference: [] },
				null,
				mapWords(ENGLISH)
			)
		)
	)
);

export function step(id: string): MapStep {
	const s = steps.find((x) => x.id === id);
	if (!s) throw new Error(`test setup: the story has no step "${id}"`);
	return s;
}

/** The layouts a reader meets: the desktop map column (1440×900 window) and a phone. */
export const LAYOUTS: Record<string, FrameLayout> = {
	desktop: { kind: 'live', viewport: PRERENDER_VIEWPORT },
	'desktop 1280×720': { kind: 'live', viewport: { width: 850, height: 720 } },
	phone: { kind: 'live', viewport: { width: 390, height: 844 }, cardHeight: 300 },
	'small phone': { kind: 'live', viewport: { width: 360, height: 640 }, cardHeight: 240 }
};

const frames = new WeakMap<MapStep, WeakMap<FrameLayout, MapFrame>>();

/** A step's live frame as the island computes it from its data block (computed once). */
export function liveFrame(s: MapStep, layout: FrameLayout = LAYOUTS.desktop!): MapFrame {
	let byLayout = frames.get(s);
	if (!byLayout) frames.set(s, (byLayout = new WeakMap()));
	let frame = byLayout.get(layout);
	if (!frame) byLayout.set(layout, (frame = mapFrame(s, island.geo, island.projection, layout)));
	return frame;
}
