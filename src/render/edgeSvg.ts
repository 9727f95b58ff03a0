/**
 * Routed edges as SVG, alike on both maps' images: the polyline with rounded corners, and the
 * label on a white plate at the place the router chose (where it covers no box and no label).
 */
import { polylinePath, type Point, type Rect } from '../domain/layout/geometry';
import { esc, round } from './svgText';

/** A `<path>` along the route; `attrs` carry its class, stroke and markers. */
export function routedPathSvg(points: readonly Point[], attrs: string, inner = ''): string {
  return `<path d="${polylinePath(points)}" ${attrs}>${inner}</path>`;
}

/** A label on its plate, the plate being the label's box from the router. */
export function edgeLabelSvg(box: Rect, text: string, color: string): string {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return (
    `<g class="edge-label"><rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>` +
    `<text x="${round(cx)}" y="${round(cy + 4)}" font-size="12" text-anchor="middle" fill="${color}">${esc(text)}</text></g>`
  );
}
