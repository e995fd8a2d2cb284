import { SITE_NAME } from '$lib/article/site';
import { languageOf, TRANSLATED } from '$lib/edition/languages';
import { editionOf } from '$lib/server/editions';
import { renderSharePng } from '$lib/server/share';
import type { EntryGenerator, RequestHandler } from './$types';

/** The 1200×630 share image of each edition, rendered from the story's opening map at build time. */
export const prerender = true;
// A file, not a page: no trailing slash.
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => [{}, ...TRANSLATED.map((lang) => ({ lang }))];

export const GET: RequestHandler = async ({ params }) =>
	new Response(
		await renderSharePng(editionOf(params.lang).story, languageOf(params.lang), {
			siteName: SITE_NAME
		}),
		{ headers: { 'content-type': 'image/png' } }
	);
