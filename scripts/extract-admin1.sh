#!/usr/bin/env bash
# Extract Natural Earth 10m admin-1 polygons for Afghanistan and Pakistan from the copy of
# Natural Earth shipped in Debian's qgis-common package (world_map.gpkg, layer states_provinces).
#
# This is the ONLY step of the map pipeline that needs apt. Run it by hand (as root, or with
# sudo for apt-get install), then commit the output:
#
#   apt-get update && apt-get install -y gdal-bin     # ogr2ogr
#   bash scripts/extract-admin1.sh
#   git add data-src/ne10m_admin1_afg_pak.geojson data-src/ne10m_admin1_afg_pak.meta.json
#
# `npm run data:map` (scripts/build-map-data.js) then needs only npm packages.
#
# Output:
#   data-src/ne10m_admin1_afg_pak.geojson   adm0_a3 + gn_name of the 42 AFG/PAK admin-1 units
#   data-src/ne10m_admin1_afg_pak.meta.json qgis-common version and gpkg sha256, for provenance
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=data-src/ne10m_admin1_afg_pak.geojson
META=data-src/ne10m_admin1_afg_pak.meta.json
WORK=${WORK:-scripts/.cache/qgis}
GPKG_PATH=usr/share/qgis/resources/data/world_map.gpkg

command -v ogr2ogr >/dev/null || {
	echo "ogr2ogr not found: apt-get install -y gdal-bin" >&2
	exit 1
}

mkdir -p "$WORK" data-src
if [ ! -f "$WORK/deb/$GPKG_PATH" ]; then
	rm -rf "$WORK/deb" "$WORK"/qgis-common_*.deb
	(cd "$WORK" && apt-get download qgis-common)
	dpkg -x "$WORK"/qgis-common_*_all.deb "$WORK/deb"
fi
DEB=$(ls "$WORK"/qgis-common_*_all.deb | head -n 1)
VERSION=$(dpkg-deb -f "$DEB" Version)
GPKG="$WORK/deb/$GPKG_PATH"
SHA=$(sha256sum "$GPKG" | cut -d' ' -f1)

rm -f "$OUT"
# COORDINATE_PRECISION=6 (~0.1 m) keeps the file small and the output stable.
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=6 "$OUT" "$GPKG" \
	-sql \
	"SELECT adm0_a3, gn_name, geom FROM states_provinces WHERE adm0_a3 IN ('AFG','PAK') ORDER BY adm0_a3, gn_name" \
	-nln ne10m_admin1_afg_pak

cat >"$META" <<EOF
{
	"package": "qgis-common",
	"version": "$VERSION",
	"file": "/$GPKG_PATH",
	"sha256": "$SHA",
	"layer": "states_provinces",
	"filter": "adm0_a3 IN ('AFG','PAK')",
	"fields": ["adm0_a3", "gn_name"],
	"tool": "$(ogr2ogr --version | head -n 1)"
}
EOF

echo "wrote $OUT ($(wc -c <"$OUT") bytes, $(grep -o '"gn_name"' "$OUT" | wc -l) features) and $META"
