/**
 * A number and the word after it — a day and its month, a count and its unit ("15 August",
 * "15 اگست", "2,640 km") — are kept on one line: the space between them becomes a no-break space.
 * A line that ends on "15" and goes on with its month reads as two facts, and in a right-to-left
 * line the orphaned number stands at the far left, away from the word it belongs to.
 * Any script's decimal digits count, and any script's letters.
 */
export function keepNumbersWithWords(text: string): string {
	return text.replace(/(\p{Nd}) (?=\p{L})/gu, '$1\u00a0');
}
