/**
 * Breaks text into lines of at most `max` characters, at spaces (a word longer than `max` stands
 * on a line of its own). Map labels and the share image's headline are wrapped with it.
 */
export function wrapText(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && (line + ' ' + word).length > max) {
			lines.push(line);
			line = word;
		} else line = line ? line + ' ' + word : word;
	}
	if (line) lines.push(line);
	return lines;
}
