/**
 * The edition a page is rendered in, handed to its components through Svelte context. Set once by
 * the page; a component rendered outside an edition's page (a unit test, an embed) gets English.
 */
import { getContext, setContext } from 'svelte';
import { ENGLISH, type Edition } from './edition';

const KEY = Symbol('edition');

export function setEdition(edition: Edition): void {
	setContext(KEY, edition);
}

export function useEdition(): Edition {
	return getContext<Edition | undefined>(KEY) ?? ENGLISH;
}
