// The incidents map: an offline basemap (Natural Earth countries and admin-1 units bundled in
// /static/geo), incidents as clustered markers, and each geocode's precision as a circle, so a
// point placed only "somewhere in the governorate" is not read as an exact location.
// No inline handlers: this file finds its container by id and reads data- attributes.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  // metres of uncertainty by precision: 1 exact place, 2 near, 3 district, 4 governorate
  var RADIUS = { 1: 1000, 2: 25000, 3: 50000, 4: 150000 };
  var map = L.map(el, { minZoom: 3, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");
  map.setView([33.5, 42], 5);

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  var base = L.layerGroup().addTo(map);
  getJSON("/static/geo/countries.json").then(function (data) {
    L.geoJSON(data, { style: { color: "#888", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false }).addTo(base);
    return getJSON("/static/geo/admin1.json");
  }).then(function (data) {
    L.geoJSON(data, { style: { color: "#bbb", weight: 0.6, dashArray: "2 3", fill: false }, interactive: false }).addTo(base);
    el.setAttribute("data-basemap", "ready");
  }).catch(function (err) { el.setAttribute("data-error", String(err)); });

  // pins drawn by CSS, so the package ships no marker images
  var PIN = L.divIcon({ className: "incident-pin", iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -7] });

  function circleFor(lat, lon, precision) {
    var r = RADIUS[precision];
    if (!r) { return null; }
    return L.circle([lat, lon], { radius: r, color: "#b3261e", weight: 1, fillOpacity: 0.08, className: "precision p" + precision });
  }

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value == null ? "" : String(value);
    if (cls) { node.className = cls; }
    return node;
  }

  function popup(p) {
    // built with textContent: a place name is data, never markup
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p.code);
    a.textContent = p.code;
    box.appendChild(a);
    box.appendChild(text("div", (p.date || "undated") + " · " + (p.place_text || "")));
    var k = (p.civilians_killed_min == null ? "?" : p.civilians_killed_min) + "–" +
            (p.civilians_killed_max == null ? "?" : p.civilians_killed_max);
    box.appendChild(text("div", k + " · " + (p.grade || "")));
    box.setAttribute("dir", "auto");
    return box;
  }

  if (el.getAttribute("data-mode") === "one") {
    var lat = parseFloat(el.getAttribute("data-lat")), lon = parseFloat(el.getAttribute("data-lon"));
    var precision = parseInt(el.getAttribute("data-precision"), 10);
    L.marker([lat, lon], { icon: PIN, title: el.getAttribute("data-label") || "" }).addTo(map);
    var c = circleFor(lat, lon, precision);
    if (c) { c.addTo(map); map.fitBounds(c.getBounds(), { maxZoom: 10 }); } else { map.setView([lat, lon], 9); }
    el.setAttribute("data-markers", "1");
    return;
  }

  var cluster = L.markerClusterGroup ? L.markerClusterGroup({ chunkedLoading: true }) : L.layerGroup();
  cluster.addTo(map);
  var circles = L.layerGroup().addTo(map);
  var count = 0, bounds = null, MAX = 20000;
  // zoomed in, every visible incident shows its precision circle (a few hundred at most)
  var zoomCircles = L.layerGroup().addTo(map), placed = [];
  function refreshCircles() {
    zoomCircles.clearLayers();
    if (map.getZoom() < 8) { return; }
    var view = map.getBounds(), n = 0;
    for (var i = 0; i < placed.length && n < 400; i++) {
      if (view.contains(placed[i].ll)) {
        var c = circleFor(placed[i].ll[0], placed[i].ll[1], placed[i].precision);
        if (c) { c.addTo(zoomCircles); n += 1; }
      }
    }
  }
  map.on("moveend", refreshCircles);

  function add(features) {
    features.forEach(function (f) {
      var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      var p = f.properties;
      var marker = L.marker(ll, { icon: PIN, title: p.code });
      marker.bindPopup(function () { return popup(p); });
      marker.on("popupopen", function () {
        circles.clearLayers();
        var c = circleFor(ll[0], ll[1], p.geo_precision);
        if (c) { c.addTo(circles); }
      });
      cluster.addLayer(marker);
      placed.push({ ll: ll, precision: p.geo_precision });
      bounds = bounds ? bounds.extend(ll) : L.latLngBounds(ll, ll);
      count += 1;
    });
  }

  // follow keyset pages (the Link header) until every matching incident is on the map
  function page(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      var next = r.headers.get("Link");
      return r.json().then(function (fc) {
        add(fc.features || []);
        var m = next && /<([^>]+)>;\s*rel="next"/.exec(next);
        if (m && count < MAX) { return page(m[1]); }
        return null;
      });
    });
  }

  page(el.getAttribute("data-geojson")).then(function () {
    if (bounds) { map.fitBounds(bounds.pad(0.2), { maxZoom: 9 }); }
    el.setAttribute("data-markers", String(count));
  }).catch(function (err) { el.setAttribute("data-error", String(err)); });
})();
