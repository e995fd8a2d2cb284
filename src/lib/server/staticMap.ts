import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import MapSvg from '$lib/map/MapSvg.svelte';
import { fitBounds, type Insets, type Viewport } from '$lib/map/camera';
import { parsePlaces, parseTopology } from '$lib/map/data';
import { prepareMap, type PreparedMap } from '$lib/map/geometry';
import { createProjection, projectBbox } from '$lib/map/projection';
import { mapStateAt } from '$lib/map/state';
import type { Story } from '$lib/story/types';

/**
 * Build-time rendering of a step's map to a standalone SVG string, with the same component the
 * live map uses. Used by the prerendered static maps (no-JS readers, print), embed cards and the
 * share image.
 */
const projection = createProjection();
let prepared: PreparedMap | undefined;

function mapData(): PreparedMap {
	if (!prepared) {
		const topoFile = 'static/data/afpak.topo.json';
		const placesFile = 'static/data/places.json';
		const topology = parseTopology(readFileSync(resolve(topoFile), 'utf8'), topoFile);
		const places = parsePlaces(readFileSync(resolve(placesFile), 'utf8'), placesFile);
		prepared = prepareMap(topology, places, projection);
	}
	return prepared;
}

export function renderStepSvg(
	story: Story,
	stepIndex: number,
	viewport: Viewport = { width: 1000, height: 800 },
	insets: Insets = { top: 24, right: 24, bottom: 24, left: 24 }
): string {
	const map = mapData();
	const state = mapStateAt(story, stepIndex, 1, { reducedMotion: true });
	const camera = fitBounds(projectBbox(projection, state.view.bbox), viewport, insets);
	const { body } = render(MapSvg, {
		props: {
			map,
			projection,
			state,
			camera,
			target: camera,
			viewport,
			insets,
			standalone: true,
			fontSize: Math.max(13, Math.round(viewport.width / 70))
		}
	});
	// Strip Svelte's hydration comments: this is a standalone file.
	return body.replace(/<!--[\s\S]*?-->/g, '');
}
