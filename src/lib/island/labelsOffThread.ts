import type { FrameBasis } from '$lib/map/frame';
import type { FrameLabels } from '$lib/map/frameLabels';
import type { IslandData } from './islandData';
import { toWorker, type SentBasis } from './labelRequest';

/**
 * Label placement off the main thread. A frame's labels are its costly part (milliseconds per
 * step on a fast machine, four times that on a mid-range phone), so the island asks a worker for
 * them and goes on flying the camera; labels show when the camera lands. Requests are keyed by
 * step and layout and asked once, so the island can ask ahead for the steps either side. The
 * island sends the frame's basis it has already derived, so the worker places labels for exactly
 * that basis (and carries no code to derive one: legend, camera fitting, scale bar).
 */
export interface LabelRequest {
	type: 'labels';
	key: string;
	basis: SentBasis;
}
export type LabelWorkerMessage = { type: 'init'; data: IslandData } | LabelRequest;
export type LabelAnswer = { key: string } & FrameLabels;

export interface LabelPlacer {
	/** The labels of a frame's basis, asked for once per key (its step and layout). */
	place(key: string, basis: FrameBasis): Promise<FrameLabels>;
}

/** `onFail` is called once if the worker cannot start or fails: the map goes on unlabelled. */
export function labelsOffThread(data: IslandData, onFail: () => void): LabelPlacer {
	const asked = new Map<string, Promise<FrameLabels>>();
	const answers = new Map<string, (labels: FrameLabels) => void>();
	let worker: Worker | null = null;
	const fail = () => {
		worker?.terminate();
		worker = null;
		onFail();
	};
	try {
		worker = new Worker(new URL('./labelWorker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<LabelAnswer>) => answers.get(e.data.key)?.(e.data);
		worker.onerror = fail;
		worker.postMessage({ type: 'init', data } satisfies LabelWorkerMessage);
	} catch {
		fail();
	}
	return {
		place(key, basis) {
			let p = asked.get(key);
			if (!p) {
				p = new Promise<FrameLabels>((resolve) => answers.set(key, resolve));
				asked.set(key, p);
				worker?.postMessage({ type: 'labels', key, basis: toWorker(basis) } satisfies LabelRequest);
			}
			return p;
		}
	};
}
