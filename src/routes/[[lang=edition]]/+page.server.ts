import { provenance } from '$lib/article/provenance';
import { ANALYTICS_URL } from '$lib/article/site';
import { TRANSLATED } from '$lib/edition/languages';
import { mapWords } from '$lib/island/islandData';
import { mapSteps } from '$lib/map/mapState';
import { editionOf } from '$lib/server/editions';
import { liveMap } from '$lib/server/liveMap';
import { mapText } from '$lib/server/mapText';
import type { EntryGenerator, PageServerLoad } from './$types';

/**
 * The story page, in English at the root and in each translated edition at /<lang>/. It is static
 * HTML: no client router, no hydration (csr = false). Its one script is the map island, bundled
 * on its own (src/lib/island). The story documents are read here, on the server, so their prose
 * is in the HTML and in no JavaScript file.
 */
export const csr = false;

export const entries: EntryGenerator = () => [{}, ...TRANSLATED.map((lang) => ({ lang }))];

export const load: PageServerLoad = async ({ params }) => {
	const { story, edition } = editionOf(params.lang);
	return {
		story,
		edition: { lang: edition.lang, ui: edition.ui, stale: edition.stale },
		provenance,
		liveMap: liveMap(
			mapSteps(story),
			ANALYTICS_URL,
			mapWords(edition),
			edition.dir === 'rtl',
			await mapText(edition.lang)
		)
	};
};
