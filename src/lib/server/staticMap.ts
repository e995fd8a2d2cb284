import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import MapSvg from '$lib/map/MapSvg.svelte';
import { fitBounds, type Camera, type Insets, type Viewport } from '$lib/map/camera';
import { parsePlaces, parseTopology, type AfpakTopology, type Place } from '$lib/map/data';
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
let data: { topology: AfpakTopology; places: Place[] } | undefined;
const clipped = new Map<string, PreparedMap>();

function mapData() {
	if (!data) {
		const topoFile = 'static/data/afpak.topo.json';
		const placesFile = 'static/data/places.json';
		data = {
			topology: parseTopology(readFileSync(resolve(topoFile), 'utf8'), topoFile),
			places: parsePlaces(readFileSync(resolve(placesFile), 'utf8'), placesFile)
		};
	}
	return data;
}

/**
 * The map projected for one camera, with geometry clipped to what that camera shows (plus a
 * margin for strokes): a close-up file then carries only the close-up, not the whole region.
 */
function preparedFor(camera: Camera, viewport: Viewport): PreparedMap {
	const x0 = -camera.x / camera.k;
	const y0 = -camera.y / camera.k;
	const x1 = (viewport.width - camera.x) / camera.k;
	const y1 = (viewport.height - camera.y) / camera.k;
	const key = [x0, y0, x1, y1].map((v) => v.toFixed(2)).join(',');
	let map = clipped.get(key);
	if (!map) {
		const m = (x1 - x0) * 0.02;
		const clip = createProjection().clipExtent([
			[x0 - m, y0 - m],
			[x1 + m, y1 + m]
		]);
		const { topology, places } = mapData();
		// One decimal in the base frame is under a pixel up to 10× zoom; closer in, two.
		map = prepareMap(topology, places, clip, { digits: camera.k > 8 ? 2 : 1 });
		clipped.set(key, map);
	}
	return map;
}

export function renderStepSvg(
	story: Story,
	stepIndex: number,
	viewport: Viewport = { width: 1000, height: 800 },
	insets: Insets = { top: 24, right: 24, bottom: 24, left: 24 }
): string {
	const state = mapStateAt(story, stepIndex, 1, { reducedMotion: true });
	const camera = fitBounds(projectBbox(projection, state.view.bbox), viewport, insets);
	const map = preparedFor(camera, viewport);
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
