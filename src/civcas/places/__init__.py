"""Places: an offline gazetteer for Iraq and Syria and geocoding of claims with a precision code.

Entry points: `Gazetteer.default()` / `Gazetteer.from_engine(engine)` then `.geocode(text, ctx)`;
`importer.import_geonames` for GeoNames dumps; `learn.learn_airwars` for monitor records;
`cli.geocode_json` for the CLI.  See docs/places.md.
"""
from civcas.places.context import GeocodeContext
from civcas.places.gazetteer import Gazetteer

__all__ = ["Gazetteer", "GeocodeContext"]
