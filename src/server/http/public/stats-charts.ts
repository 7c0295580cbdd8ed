import type { Coordinates } from '../../../domain/places/place.ts';
import type { PublishedCount } from '../../../domain/stats/public-stats.ts';
import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';

/** A count as the pages print it: digits grouped the reader's way, or the suppression mark. */
export function countText(count: PublishedCount, language: Language): string {
  return typeof count === 'number'
    ? count.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB')
    : count;
}

/** Where a suppressed count is drawn: up to 10, outlined, never as a number it is not. */
const suppressedHeight = 10;

function barValue(count: PublishedCount): number {
  return typeof count === 'number' ? count : suppressedHeight;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

type Bar = { label: string; count: PublishedCount };

/** What names a chart for screen readers: its id, title and description. */
type ChartLabels = { id: string; title: string; description: string };

/** The inline SVG around a chart's shapes, titled and described for screen readers. */
function chartFrame(
  labels: ChartLabels,
  size: { width: number; height: number; className?: string },
  shapes: Html,
): Html {
  return html`<svg class="${size.className ?? 'chart'}" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-labelledby="${labels.id}-t ${labels.id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${labels.id}-t">${labels.title}</title>
<desc id="${labels.id}-d">${labels.description}</desc>
${shapes}
</svg>`;
}

/**
 * Columns over time as inline SVG, titled and described for screen readers; each column has a
 * tooltip. The table that follows the chart on the page holds the same numbers as text.
 */
export function columnChart(
  input: ChartLabels & { bars: readonly Bar[]; language: Language },
): Html {
  const width = 640;
  const height = 180;
  const top = 12;
  const bottom = 24;
  const max = Math.max(suppressedHeight, ...input.bars.map((bar) => barValue(bar.count)));
  const step = input.bars.length === 0 ? width : width / input.bars.length;
  const columns = input.bars.map((bar, index) => {
    const value = barValue(bar.count);
    const barHeight = ((height - top - bottom) * value) / max;
    const x = round(index * step + step * 0.1);
    const y = round(height - bottom - barHeight);
    const shown = typeof bar.count === 'number';
    return html`<rect x="${x}" y="${y}" width="${round(step * 0.8)}" height="${round(barHeight)}" class="${shown ? 'bar' : 'bar hidden-count'}"><title>${bar.label}: ${countText(bar.count, input.language)}</title></rect>`;
  });
  const first = input.bars[0]?.label ?? '';
  const last = input.bars[input.bars.length - 1]?.label ?? '';
  return chartFrame(
    input,
    { width, height },
    html`<line x1="0" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" class="axis"/>
<text x="0" y="${height - 6}" class="axis-label">${first}</text>
<text x="${width}" y="${height - 6}" text-anchor="end" class="axis-label">${last}</text>
<text x="0" y="${top}" class="axis-label">${countText(max, input.language)}</text>
${columns}`,
  );
}

/** Horizontal bars, one per row (campaigns, kinds of place), with the count written beside. */
export function barChart(input: ChartLabels & { bars: readonly Bar[]; language: Language }): Html {
  const width = 640;
  const rowHeight = 26;
  const labelWidth = 250;
  const numberWidth = 70;
  const height = Math.max(rowHeight, input.bars.length * rowHeight);
  const max = Math.max(suppressedHeight, ...input.bars.map((bar) => barValue(bar.count)));
  const rows = input.bars.map((bar, index) => {
    const y = index * rowHeight;
    const length = ((width - labelWidth - numberWidth) * barValue(bar.count)) / max;
    const shown = typeof bar.count === 'number';
    return html`<text x="0" y="${y + 17}" class="axis-label">${bar.label}</text>
<rect x="${labelWidth}" y="${y + 5}" width="${round(length)}" height="${rowHeight - 10}" class="${shown ? 'bar' : 'bar hidden-count'}"/>
<text x="${round(labelWidth + length + 6)}" y="${y + 17}" class="axis-label">${countText(bar.count, input.language)}</text>`;
  });
  return chartFrame(input, { width, height }, html`${rows}`);
}

/** A place on the map: what its tooltip says, and the counts its circle is sized by. */
type MapPoint = { label: string; location: Coordinates; counts: readonly PublishedCount[] };

/**
 * Places drawn from their own coordinates, no map tiles: an equirectangular projection of the
 * points' bounding box, shrunk east–west by the cosine of its middle latitude so that Moscow is
 * not stretched. North is up. A circle's area grows with the largest of its counts; a place whose
 * counts are all suppressed is a ring.
 */
export function placesMap(
  input: ChartLabels & { points: readonly MapPoint[]; language: Language },
): Html {
  const width = 640;
  const height = 420;
  const margin = 24;
  const lats = input.points.map((point) => point.location.lat);
  const lons = input.points.map((point) => point.location.lon);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const squeeze = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * squeeze, 1e-3);
  const spanY = Math.max(maxLat - minLat, 1e-3);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const size = (point: MapPoint) => Math.max(0, ...point.counts.map(barValue));
  const max = Math.max(suppressedHeight, ...input.points.map(size));
  const circles = input.points.map((point) => {
    const x = margin + (point.location.lon - minLon) * squeeze * scale;
    const y = margin + (maxLat - point.location.lat) * scale;
    const r = 3 + 14 * Math.sqrt(size(point) / max);
    const shown = point.counts.some((count) => typeof count === 'number');
    return html`<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" class="${shown ? 'spot' : 'spot hidden-count'}"><title>${point.label}</title></circle>`;
  });
  return chartFrame(
    input,
    { width, height, className: 'chart map' },
    html`<rect x="0" y="0" width="${width}" height="${height}" class="map-ground"/>
<text x="${width - 8}" y="18" text-anchor="end" class="axis-label">N ↑</text>
${circles}`,
  );
}
