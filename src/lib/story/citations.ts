import type { Paragraph, Source, Story } from './types';

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

export function citeId(stepId: string, paragraph: number, inline: number): string {
	return `cite-${stepId}-${paragraph}-${inline}`;
}
