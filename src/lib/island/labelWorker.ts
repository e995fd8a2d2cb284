/// <reference lib="webworker" />
/**
 * The map island's worker: places each frame's labels off the main thread. It gets the island's
 * data block once, then a frame's basis per request (as the island derived it), and answers with
 * the labels and the reference places they name: the same pure function the server runs.
 */
import { placeFrameLabels } from '$lib/map/frameLabels';
import { geoFromIslandData } from './islandData';
import { fromIsland } from './labelRequest';
import type { LabelRequest, LabelWorkerMessage } from './labelsOffThread';

let map: ReturnType<typeof geoFromIslandData> | undefined;

self.onmessage = (e: MessageEvent<LabelWorkerMessage>) => {
	const m = e.data;
	if (m.type === 'init') {
		map = geoFromIslandData(m.data);
		return;
	}
	answer(m);
};

function answer({ key, basis }: LabelRequest) {
	if (!map) throw new Error('label worker: no map data');
	postMessage({ key, ...placeFrameLabels(fromIsland(basis, map.geo), map.geo, map.projection) });
}
