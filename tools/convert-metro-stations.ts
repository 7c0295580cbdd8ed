/**
 * Regenerates content/places/moscow-metro.json from an OpenStreetMap extract of Moscow metro
 * stations (a JSON file with `about` and `stations: [{ name, lat, lng, osm }]`):
 *
 *   npx tsx tools/convert-metro-stations.ts <moscow-metro-stations.json>
 *
 * Each station keeps its OpenStreetMap node as its source key and gets an English name
 * transliterated from the Russian one. The ODbL attribution is carried into the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { latinName } from '../src/domain/places/latin-name.ts';
import {
  type ShippedPlaceFile,
  validateShippedPlaces,
} from '../src/domain/places/shipped-place.ts';

const output = new URL('../content/places/moscow-metro.json', import.meta.url);

const extract = z.object({
  about: z.string().includes('OpenStreetMap').includes('ODbL'),
  stations: z.array(
    z.strictObject({
      name: z.string().min(1),
      lat: z.number(),
      lng: z.number(),
      osm: z.string().regex(/^(node|way|relation)\/\d+$/),
    }),
  ),
});

/** Where the transliteration is not how the name is known in English. */
const englishNames: Readonly<Record<string, string>> = {
  ВДНХ: 'VDNKh',
  ЦСКА: 'CSKA',
};

const [inputPath] = process.argv.slice(2);
if (inputPath === undefined) {
  process.stderr.write('usage: tsx tools/convert-metro-stations.ts <moscow-metro-stations.json>\n');
  process.exit(2);
}
const source = extract.parse(JSON.parse(readFileSync(inputPath, 'utf8')));

const converted: ShippedPlaceFile = {
  title: 'Moscow metro stations',
  attribution:
    'Data © OpenStreetMap contributors, available under the Open Database License (ODbL 1.0): https://www.openstreetmap.org/copyright',
  licence: 'ODbL-1.0',
  howMade:
    'Converted by tools/convert-metro-stations.ts from an OpenStreetMap extract of the station nodes of the Moscow metro (names and coordinates; lines, Moscow Central Circle and MCD stations not included). Source key: the OpenStreetMap node; English name: transliterated from the Russian one; no address.',
  places: source.stations.map((station) => ({
    sourceKey: `osm:${station.osm}`,
    kind: 'metro-station',
    nameRu: station.name,
    nameEn: englishNames[station.name] ?? latinName(station.name),
    addressRu: null,
    location: { lat: station.lat, lon: station.lng },
    metroLines: [],
    verified: true,
  })),
};

const checked = validateShippedPlaces([{ name: 'moscow-metro.json', raw: converted }]);
if (!checked.ok) {
  process.stderr.write(`${checked.problems.join('\n')}\n`);
  process.exit(1);
}
writeFileSync(output, `${JSON.stringify(converted, null, 2)}\n`);
process.stdout.write(`${converted.places.length} stations written\n`);
