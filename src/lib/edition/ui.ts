/**
 * The page's own words — headings, labels, notices, the map key — in English, keyed. Each
 * translated edition has the same keys in `src/content/ui.<lang>.json` (text only); a key missing
 * or added there, or a `{placeholder}` dropped or renamed, fails the build (see uiText.ts).
 */
export const UI_EN = {
	'header.byline': 'By {names}',
	'header.published': 'Published {date}',
	'header.updated': 'Updated {date}',
	'header.readingTime': '{minutes} min read',
	'header.otherEditions': 'This story in other languages',
	'page.skip': 'Skip past the map story',
	'page.stale':
		'This translation was made from an earlier version of the English story, which has since been corrected or updated. The English edition is the reference.',
	'step.mapDescription': 'Map: {description}',
	'step.source': 'Source {n}',
	'map.title': 'Map: {view}, {date}.',
	'map.key': 'Map key',
	'map.dateShown': 'Date shown on map: ',
	'map.notice':
		'The interactive map could not start, so it stays on the story’s opening. Each step’s map is described in the step’s text.',
	'map.labelsNotice':
		'The map’s place names could not load. Each step’s map is described in the step’s text.',
	'map.printCaption': 'Map, {date}: {description}',
	'map.scaleKm': '{km} km',
	// What a translation says on its map; the English map sets these words itself, in line breaks
	// fitted by hand (stepLabels.ts).
	'map.durandNote': 'Durand Line: de facto border, never recognised by Kabul',
	'legend.durand': 'Durand Line (de facto border)',
	'legend.fence': 'Fence, share Pakistan says is built',
	'legend.fenceShort': 'Fence, as Pakistan claims',
	'legend.loc': 'Kashmir Line of Control (disputed)',
	'legend.locShort': 'Line of Control (disputed)',
	'legend.highlight': 'Province in focus',
	'legend.strike': 'Air strike',
	'legend.attack': 'Militant attack',
	'legend.clash': 'Border clash',
	'legend.crossing': 'Border crossing',
	'legend.area': 'Approximate location',
	'legend.advance': 'Movement (schematic)',
	'legend.returns': 'Returns to Afghanistan',
	'legend.unverified': 'Reported, not confirmed',
	'about.title': 'About this story',
	'about.data': 'The map data',
	'about.input': 'Input',
	'about.source': 'Source and version',
	'about.licence': 'Licence',
	'about.version': 'Version {version}',
	'about.processing': 'How the map data was processed',
	'about.scripts':
		'The build scripts are published with the story’s code; the processed files record this provenance in {file}.',
	'about.dataInEnglish':
		'The map data’s descriptions below are in English, as published by their sources.',
	'sources.title': 'Sources',
	'sources.undated': 'undated',
	'sources.back': 'Back to the citation of source {n}',
	'sources.backOne': 'Back to citation {label} of source {n} ({where})',
	'sources.backLetters': 'abcdefghijklmnopqrstuvwxyz',
	'corrections.title': 'Corrections and updates',
	'corrections.none':
		'No corrections or updates have been made to this story since it was published.',
	'corrections.correction': 'Correction',
	'corrections.update': 'Update',
	'credits.title': 'Credits',
	'credits.map': 'Map: {names}',
	'share.imageAlt': 'Map of Afghanistan and Pakistan with the story headline',
	'embed.title': 'Map, {date}: {headline}',
	'embed.readStory': 'Read the full story'
} as const;

export type UiKey = keyof typeof UI_EN;
export type UiText = Record<UiKey, string>;

/** `{name}` placeholders of a string, sorted. */
export function placeholders(s: string): string[] {
	return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** A string with its `{name}` placeholders filled. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (all, name: string) =>
		name in values ? String(values[name]) : all
	);
}
