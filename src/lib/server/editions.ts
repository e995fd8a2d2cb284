/**
 * Build-time: every edition's story and words, by language. The translations are checked against
 * the English by the story plugin (drift fails the build) and share its map states and sources.
 */
import english from '../../content/story.aml';
import urdu, { edition as urduEdition } from '../../content/story.ur.aml';
import pashto, { edition as pashtoEdition } from '../../content/story.ps.aml';
import urduUi from '../../content/ui.ur.json';
import pashtoUi from '../../content/ui.ps.json';
import { makeEdition, type Edition } from '$lib/edition/edition';
import { languageOf, type Lang } from '$lib/edition/languages';
import type { UiText } from '$lib/edition/ui';
import type { Story } from '$lib/story/types';

const STORIES: Record<Lang, Story> = { en: english, ur: urdu, ps: pashto };
const EDITIONS: Record<Lang, Edition> = {
	en: makeEdition('en'),
	ur: makeEdition('ur', urduUi as UiText, urduEdition.stale),
	ps: makeEdition('ps', pashtoUi as UiText, pashtoEdition.stale)
};

/** The story and edition of a route's optional `lang` parameter (absent: English). */
export function editionOf(param: string | undefined): { story: Story; edition: Edition } {
	const { lang } = languageOf(param);
	return { story: STORIES[lang], edition: EDITIONS[lang] };
}
