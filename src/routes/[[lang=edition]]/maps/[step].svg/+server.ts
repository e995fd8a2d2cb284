import { error } from '@sveltejs/kit';
import { mapText } from '$lib/server/mapText';
import { renderStepSvg } from '$lib/server/staticMap';
import { TRANSLATED } from '$lib/edition/languages';
import { flattenSteps, mapSteps } from '$lib/map/mapState';
import { editionOf } from '$lib/server/editions';
import type { EntryGenerator, RequestHandler } from './$types';

/** One static SVG map per step and edition, prerendered: the no-JS page and print use them. */
export const prerender = true;
// A file, not a page: no trailing slash.
export const trailingSlash = 'never';

export const entries: EntryGenerator = () =>
	[undefined, ...TRANSLATED].flatMap((lang) =>
		flattenSteps(editionOf(lang).story).map((s) => ({ lang, step: s.id }))
	);

export const GET: RequestHandler = async ({ params }) => {
	const { story, edition } = editionOf(params.lang);
	const step = mapSteps(story).find((s) => s.id === params.step);
	if (!step) error(404, `No step "${params.step}"`);
	return new Response(renderStepSvg(step, undefined, undefined, await mapText(edition.lang)), {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8' }
	});
};
