import { citeId } from '$lib/story/citations';
import type { Paragraph, Story } from '$lib/story/types';

/** Anchor prefix of citations in the "About this story" section. */
export const ABOUT_ANCHOR = 'about';

/** One place in the text where a source is cited. */
export interface CitationRef {
	/** Element id of the citation link. */
	id: string;
	/** Where it is, for the back link's accessible name ("24 December 2024", "About this story"). */
	where: string;
}

/**
 * Every citation of every source, in reading order, so each entry in the source list can link
 * back to all the places that cite it (not just the first).
 */
export function citationsBySource(story: Story): Map<string, CitationRef[]> {
	const out = new Map<string, CitationRef[]>();
	const visit = (paragraphs: Paragraph[], anchor: string, where: string) =>
		paragraphs.forEach((p, pi) =>
			p.forEach((inline, ii) => {
				if (inline.type !== 'cite') return;
				const list = out.get(inline.source) ?? [];
				list.push({ id: citeId(anchor, pi, ii), where });
				out.set(inline.source, list);
			})
		);
	for (const chapter of story.chapters)
		for (const step of chapter.steps) visit(step.text, step.id, step.dateLabel);
	visit(story.methodology, ABOUT_ANCHOR, 'About this story');
	return out;
}

/** a, b, … z, aa, ab … for the back links of a source cited several times. */
export function backLabel(i: number): string {
	let s = '';
	let n = i;
	do {
		s = String.fromCharCode(97 + (n % 26)) + s;
		n = Math.floor(n / 26) - 1;
	} while (n >= 0);
	return s;
}
