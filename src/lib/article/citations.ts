/**
 * Citations as the article shows them: sources numbered in reading order, the element ids of
 * the citation links, and the back links from the source list to every place that cites each.
 */
import type { Paragraph, Source, Story } from '$lib/story/types';

/**
 * Numbers sources by first citation, in reading order (chapters, then the methodology), the way
 * a reader meets them. Sources never cited are numbered after, in document order.
 */
export function numberSources(story: Story): Map<string, number> {
	const numbers = new Map<string, number>();
	const visit = (paragraphs: Paragraph[]) => {
		for (const p of paragraphs)
			for (const inline of p)
				if (inline.type === 'cite' && !numbers.has(inline.source))
					numbers.set(inline.source, numbers.size + 1);
	};
	for (const chapter of story.chapters) for (const step of chapter.steps) visit(step.text);
	visit(story.methodology);
	for (const s of story.sources) if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
	return numbers;
}

/** Sources in the order of their numbers. */
export function orderedSources(story: Story, numbers: Map<string, number>): Source[] {
	return [...story.sources].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
}

/** Element id of a citation link: inline `inline` of paragraph `paragraph` under a step's id (or ABOUT_ANCHOR). */
export function citeId(stepId: string, paragraph: number, inline: number): string {
	return `cite-${stepId}-${paragraph}-${inline}`;
}

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
export function citationsBySource(
	story: Story,
	aboutTitle = 'About this story'
): Map<string, CitationRef[]> {
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
	visit(story.methodology, ABOUT_ANCHOR, aboutTitle);
	return out;
}

/**
 * a, b, … z, aa, ab … for the back links of a source cited several times, in the edition's
 * letters (`letters`, its alphabet in order).
 */
export function backLabel(
	i: number,
	letters: string[] = [...'abcdefghijklmnopqrstuvwxyz']
): string {
	let s = '';
	let n = i;
	do {
		s = letters[n % letters.length] + s;
		n = Math.floor(n / letters.length) - 1;
	} while (n >= 0);
	return s;
}
