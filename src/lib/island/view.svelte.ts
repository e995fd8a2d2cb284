import type { Camera } from '$lib/map/camera';
import type { MapFrame } from '$lib/map/frame';
import type { MapGeo } from '$lib/map/prepareMap';
import type { LegendItem, LegendText } from '$lib/map/legendItems';
import type { MapWords } from './islandData';

/**
 * The live components' props, as reactive state: the island changes a field and only what
 * depends on it is redrawn (progress touches `drawn`, the route paths and nothing else). Frames
 * are replaced whole, never mutated, so they are raw state, not deep proxies.
 */
class OverlayProps {
	geo: MapGeo;
	frame: MapFrame = $state.raw() as unknown as MapFrame;
	camera: Camera = $state.raw() as unknown as Camera;
	drawn = $state(1);
	constructor(geo: MapGeo, frame: MapFrame) {
		this.geo = geo;
		this.frame = frame;
		this.camera = frame.target;
	}
}

/** The map's words (labels, scale bar): the frame they were last drawn for. */
class LabelsProps {
	geo: MapGeo;
	frame: MapFrame = $state.raw() as unknown as MapFrame;
	constructor(geo: MapGeo, frame: MapFrame) {
		this.geo = geo;
		this.frame = frame;
	}
}

class LegendProps {
	items: LegendItem[] = $state.raw([]);
	constructor(
		readonly text: LegendText,
		readonly title: string
	) {}
}

class TimelineProps {
	year = $state(0);
	label = $state('');
	constructor(
		readonly dateShown: string,
		readonly digits: string
	) {}
}

export function createView(geo: MapGeo, frame: MapFrame, words: MapWords) {
	const legend = new LegendProps(words.legend, words.legendTitle);
	legend.items = frame.legend;
	const timeline = new TimelineProps(words.dateShown, words.digits);
	timeline.year = frame.step.year;
	timeline.label = frame.step.dateLabel;
	return {
		overlay: new OverlayProps(geo, frame),
		labels: new LabelsProps(geo, frame),
		legend,
		timeline
	};
}
