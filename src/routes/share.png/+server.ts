import story from '../../content/story.aml';
import { SITE_NAME } from '$lib/article/site';
import { renderSharePng } from '$lib/server/share';
import type { RequestHandler } from './$types';

/** The 1200×630 share image, rendered from the story's opening map at build time. */
export const prerender = true;
// A file, not a page: no trailing slash.
export const trailingSlash = 'never';

export const GET: RequestHandler = () =>
	new Response(renderSharePng(story, 0, SITE_NAME), {
		headers: { 'content-type': 'image/png' }
	});
