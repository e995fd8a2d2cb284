import { error } from '@sveltejs/kit';
import story from '../../../content/story.aml';
import { renderStepSvg } from '$lib/server/staticMap';
import { flattenSteps, mapSteps } from '$lib/map/mapState';
import type { EntryGenerator, RequestHandler } from './$types';

/** One static SVG map per step, prerendered: the no-JS page and print use them. */
export const prerender = true;
// A file, not a page: no trailing slash.
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => flattenSteps(story).map((s) => ({ step: s.id }));

export const GET: RequestHandler = ({ params }) => {
	const step = mapSteps(story).find((s) => s.id === params.step);
	if (!step) error(404, `No step "${params.step}"`);
	return new Response(renderStepSvg(step), {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8' }
	});
};
