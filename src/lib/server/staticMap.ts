import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import MapSvg from '$lib/map/MapSvg.svelte';
import { fitBounds, type Camera, type Insets, type Viewport } from '$lib/map/camera';
import { parsePlaces, parseTopology, type AfpakTopology, type Place } from '$lib/map/data';
import { mapFrame } from '$lib/map/frameLabels';
import { prepareMap, type PreparedMap } from '$lib/map/prepareMap';
import type { MapText } from '$lib/map/labelText';
import { createProjection, projectBbox } from '$lib/map/projection';
import { drawnAt, type MapStep } from '$lib/map/mapState';
import { PLACES_FILE, TOPO_FILE } from '$lib/map/dataFiles';

/**
 * Build-time rendering of a step's map to a standalone SVG string, with the same frame and the
 * same component as the live map. Used by the prerendered static maps (no-JS readers, print),
 * embed cards and the share image; an edition's map text (mapText.ts) names the labels in its
 * language.
 */
export const projection = createProjection();
let data: { topology: AfpakTopology; places: Place[] } | undefined;
const clipped = new Map<string, PreparedMap>();

/** The committed map data, validated (a malformed file fails the build naming file and line). */
export function mapData() {
	if (!data) {
		data = {
			topology: parseTopology(readFileSync(resolve(TOPO_FILE), 'utf8'), TOPO_FILE),
			places: parsePlaces(readFileSync(resolve(PLACES_FILE), 'utf8'), PLACES_FILE)
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
		// Coordinates to half a pixel at the zoom the file is drawn for.
		map = prepareMap(topology, places, clip, { grid: Math.max(1, Math.ceil(camera.k * 2)) });
		clipped.set(key, map);
	}
	return map;
}

export function renderStepSvg(
	step: MapStep,
	viewport: Viewport = { width: 1000, height: 800 },
	insets: Insets = { top: 24, right: 24, bottom: 24, left: 24 },
	text?: MapText
): string {
	const camera = fitBounds(projectBbox(projection, step.view.bbox), viewport, insets);
	const clipped = preparedFor(camera, viewport);
	const map: PreparedMap = text ? { ...clipped, text } : clipped;
	const frame = mapFrame(step, map, projection, {
		kind: 'static',
		viewport,
		insets,
		fontSize: Math.max(13, Math.round(viewport.width / 70))
	});
	const { body } = render(MapSvg, {
		props: { map, frame, drawn: drawnAt(step, 1, { reducedMotion: true }), standalone: true }
	});
	// Strip Svelte's hydration comments: this is a standalone file.
	return body.replace(/<!--[\s\S]*?-->/g, '');
}
