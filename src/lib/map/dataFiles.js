/**
 * Where the committed map data lives, relative to the project root: written by `npm run data:map`
 * (scripts/build-map-data.js), read by the build, the tests and the scripts. Plain JavaScript so
 * that the Node scripts import it as it is. (Two modules import provenance.json statically, as
 * JSON, which takes a literal path: src/lib/article/provenance.ts and src/lib/map/approximate.ts.)
 */
export const DATA_DIR = 'static/data';
/** TopoJSON with the objects countries, provinces, durand and loc. */
export const TOPO_FILE = `${DATA_DIR}/afpak.topo.json`;
/** Every place the story may name. */
export const PLACES_FILE = `${DATA_DIR}/places.json`;
/** The map data's sources, versions, licences, processing and credit line. */
export const PROVENANCE_FILE = `${DATA_DIR}/provenance.json`;
