import { error } from '@sveltejs/kit';
import { provenance } from '$lib/article/provenance';
import { TRANSLATED } from '$lib/edition/languages';
import { flattenSteps, mapSteps } from '$lib/map/mapState';
import { editionOf } from '$lib/server/editions';
import { mapText } from '$lib/server/mapText';
import { renderStepSvg } from '$lib/server/staticMap';
import type { EntryGenerator, PageServerLoad } from './$types';

/**
 * One embeddable card per step, for a CMS iframe. Static HTML with the map inline and no app
 * JavaScript (csr = false): the only script is the ~2 kB frame-height reporter, embed/frame.js.
 */
export const prerender = true;
export const csr = false;

export const entries: EntryGenerator = () =>
	[undefined, ...TRANSLATED].flatMap((lang) =>
		flattenSteps(editionOf(lang).story).map((s) => ({ lang, step: s.id }))
	);

/** Drawn for cards 320–640 px wide: labels stay ≥ 9 px at the narrowest. */
const EMBED_VIEWPORT = { width: 520, height: 480 };

export const load: PageServerLoad = async ({ params }) => {
	const { story, edition } = editionOf(params.lang);
	const steps = flattenSteps(story);
	const index = steps.findIndex((s) => s.id === params.step);
	const step = steps[index];
	if (!step) error(404, `No step "${params.step}"`);
	const chapter = story.chapters.find((c) => c.steps.includes(step));
	const mapCredit = story.credits.find((c) => /map|graphic/i.test(c.role))?.names;
	return {
		headline: story.headline,
		chapter: chapter?.title ?? '',
		step: { id: step.id, dateLabel: step.dateLabel, description: step.map.description },
		svg: renderStepSvg(
			mapSteps(story)[index]!,
			EMBED_VIEWPORT,
			{ top: 16, right: 16, bottom: 16, left: 16 },
			await mapText(edition.lang)
		),
		viewport: EMBED_VIEWPORT,
		edition: { lang: edition.lang, ui: edition.ui, stale: edition.stale },
		credit: [mapCredit && edition.t('credits.map', { names: mapCredit }), ...provenance.credits]
			.filter(Boolean)
			.join('. ')
	};
};
