import type { Annotation, LayerId, Marker, Route, Step, Story, View } from '$lib/story/types';
import { clamp01, fenceShareAt } from './fence';

/**
 * Map state as a pure function of the story, the step index and the progress through the step.
 * Scrolling only supplies (index, progress), so a jump, a reload, a deep link or keyboard
 * navigation lands on exactly the picture a slow scroll would.
 */
export interface MapState {
	stepId: string;
	index: number;
	view: View;
	layers: ReadonlySet<LayerId>;
	highlight: string[];
	markers: Marker[];
	routes: { route: Route; drawn: number }[];
	annotations: Annotation[];
	/** Share of the border drawn as fenced, or null when the fence layer is off. */
	fence: number | null;
	/** The claim the fence layer stands for at the end of the step. */
	fenceClaim: number | null;
	description: string;
	dateLabel: string;
	/** Decimal year for the timeline, e.g. 2024.98. */
	year: number;
}

export const TIMELINE_START = 1994;
export const TIMELINE_END = 2025;

/** Progress at which route drawing completes: the rest of the step shows it whole. */
const ROUTES_DONE_AT = 0.3;
/** Progress at which the fence reaches the step's claim. */
const FENCE_DONE_AT = 0.35;

export function flattenSteps(story: Story): Step[] {
	return story.chapters.flatMap((c) => c.steps);
}

/** Decimal year of a YYYY, YYYY-MM or YYYY-MM-DD date (mid-period when imprecise). */
export function decimalYear(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	const year = y ?? TIMELINE_START;
	if (m === undefined || Number.isNaN(m)) return year + 0.5;
	const day = d === undefined || Number.isNaN(d) ? 15 : d;
	return year + (m - 1) / 12 + (day - 1) / 365;
}

export function mapStateAt(
	story: Story,
	index: number,
	progress: number,
	options: { reducedMotion?: boolean } = {}
): MapState {
	const steps = flattenSteps(story);
	if (steps.length === 0) throw new Error('The story has no steps');
	const i = Math.min(Math.max(Math.round(index), 0), steps.length - 1);
	const step = steps[i] as Step;
	const p = options.reducedMotion ? 1 : clamp01(progress);
	const view = story.views.find((v) => v.id === step.map.view);
	if (!view) throw new Error(`Step "${step.id}" uses unknown view "${step.map.view}"`);
	const layers = new Set(step.map.layers);
	const fence = step.map.fence;
	const routeShare = clamp01(p / ROUTES_DONE_AT);
	return {
		stepId: step.id,
		index: i,
		view,
		layers,
		highlight: step.map.highlight,
		markers: step.map.markers,
		routes: step.map.routes.map((route) => ({ route, drawn: routeShare })),
		annotations: step.map.annotations,
		fence:
			fence && layers.has('fence') ? fenceShareAt(fence.from, fence.to, p / FENCE_DONE_AT) : null,
		fenceClaim: fence && layers.has('fence') ? fence.to : null,
		description: step.map.description,
		dateLabel: step.dateLabel,
		year: decimalYear(step.date)
	};
}
