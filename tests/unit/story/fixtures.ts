import { loadKnownIds } from '../../../src/lib/story/load';
import type { KnownIds } from '../../../src/lib/story/parse';

/**
 * The place ids and province names the story may refer to, read from the committed map data
 * (static/data/places.json, afpak.topo.json) as the build reads them: a place added to or
 * removed from the gazetteer is known to the tests at once, with no copy here to fall behind.
 */
export const KNOWN: KnownIds = loadKnownIds();
