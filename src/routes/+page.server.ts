import story from '../content/story.aml';
import { provenance } from '$lib/article/provenance';
import { ANALYTICS_URL } from '$lib/article/site';
import { mapSteps } from '$lib/map/mapState';
import { liveMap } from '$lib/server/liveMap';
import type { PageServerLoad } from './$types';

/**
 * The story page is static HTML: no client router, no hydration (csr = false). Its one script is
 * the map island, bundled on its own (src/lib/island). The story document is read here, on the
 * server, so its prose is in the HTML and in no JavaScript file.
 */
export const csr = false;

export const load: PageServerLoad = () => ({
	story,
	provenance,
	liveMap: liveMap(mapSteps(story), ANALYTICS_URL)
});
