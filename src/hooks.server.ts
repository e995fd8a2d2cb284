import type { Handle } from '@sveltejs/kit';
import { languageOf } from '$lib/edition/languages';

/**
 * Every page's `<html lang dir>` is its edition's: app.html holds `%lang%` and `%dir%`, filled
 * here from the route's optional `lang` parameter (English at the root).
 */
export const handle: Handle = ({ event, resolve }) => {
	const { lang, dir } = languageOf(event.params.lang);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang).replace('%dir%', dir)
	});
};
