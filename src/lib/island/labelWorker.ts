/// <reference lib="webworker" />
/**
 * The map island's worker: places each frame's labels off the main thread. It gets the island's
 * data block once, then a step index and a layout per request, and answers with the labels and
 * the reference places they name: the same pure functions the server runs.
 */
import { frameBasis } from '$lib/map/frame';
import { placeFrameLabels } from '$lib/map/frameLabels';
import { geoFromIslandData } from './islandData';
import type { LabelRequest, LabelWorkerMessage } from './labelsOffThread';

let map: ReturnType<typeof geoFromIslandData> | undefined;
let steps: import('$lib/map/mapState').MapStep[] = [];

self.onmessage = (e: MessageEvent<LabelWorkerMessage>) => {
	const m = e.data;
	if (m.type === 'init') {
		map = geoFromIslandData(m.data);
		steps = m.data.steps;
		return;
	}
	answer(m);
};

function answer({ key, index, layout }: LabelRequest) {
	const step = steps[index];
	if (!map || !step) throw new Error(`label worker: no step ${index}`);
	const basis = frameBasis(step, map.geo, map.projection, layout);
	postMessage({ key, ...placeFrameLabels(basis, map.geo, map.projection) });
}
