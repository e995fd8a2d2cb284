import type { Story } from '$lib/story/types';

export interface ArticleUrls {
	/** Canonical URL of the story page. */
	url: string;
	/** Absolute URL of the 1200×630 share image. */
	image: string;
	imageWidth: number;
	imageHeight: number;
	publisher: string;
	/** Publisher home page (the site origin). */
	publisherUrl: string;
	/** The edition's language (BCP 47). */
	inLanguage: string;
}

/** A byline such as "Graphics desk" names a team, not a person. */
const isTeam = (name: string) => /\b(desk|staff|team|reporters|newsroom)\b/i.test(name);

/** schema.org NewsArticle for search engines and link previews. */
export function newsArticle(story: Story, urls: ArticleUrls): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: story.headline,
		description: story.dek,
		url: urls.url,
		mainEntityOfPage: { '@type': 'WebPage', '@id': urls.url },
		datePublished: story.published,
		dateModified: story.updated,
		author: story.byline.map((name) => ({
			'@type': isTeam(name) ? 'Organization' : 'Person',
			name
		})),
		publisher: { '@type': 'Organization', name: urls.publisher, url: urls.publisherUrl },
		image: [
			{
				'@type': 'ImageObject',
				url: urls.image,
				width: urls.imageWidth,
				height: urls.imageHeight
			}
		],
		inLanguage: urls.inLanguage,
		isAccessibleForFree: true
	};
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped so no value can close
 * the script element, and U+2028/9 so old parsers do not choke.
 */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/** The whole `<script type="application/ld+json">` element, for `{@html}` in the head. */
export function jsonLdScript(value: unknown): string {
	return `<script type="application/ld+json">${scriptJson(value)}</${'script'}>`;
}
