import type { Paragraph, Story } from '$lib/story/types';

/** Adult silent reading of news prose, words per minute (a conservative, commonly used figure). */
export const WORDS_PER_MINUTE = 230;

function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function paragraphWords(paragraphs: Paragraph[]): number {
	let n = 0;
	for (const p of paragraphs)
		for (const inline of p) if (inline.type === 'text') n += countWords(inline.text);
	return n;
}

/** Words a reader reads in the story itself: headline, dek and every step's text. */
export function storyWords(story: Story): number {
	let n = countWords(story.headline) + countWords(story.dek);
	for (const chapter of story.chapters) {
		n += countWords(chapter.title);
		for (const step of chapter.steps) n += paragraphWords(step.text);
	}
	return n;
}

/** Whole minutes, rounded up, never less than one. */
export function readingMinutes(words: number, wpm = WORDS_PER_MINUTE): number {
	return Math.max(1, Math.ceil(words / wpm));
}
