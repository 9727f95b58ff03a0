/**
 * The stack's exports: its SVG as drawn, and a slide-sized PNG rasterised from that same SVG by
 * the maps' pipeline (`svgToSlidePng`: 16:9, never cropped, encoded off the page's thread).
 */
import type { StackSession } from '../../domain/stack';
import { renderStackSvg } from '../../render/stackSvg';
import { svgToSlidePng } from '../export/images';

/** The drawing's width in exports: wide enough for years of months side by side. */
export const EXPORT_WIDTH = 1600;

export function stackFileName(establishment: string, ext: 'png' | 'svg'): string {
  const safe = establishment.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'établissement';
  return `${safe} - empilement des temporalités.${ext}`;
}

export function stackSvgBlob(sessions: readonly StackSession[], establishment: string): Blob {
  const { svg } = renderStackSvg(sessions, { establishment, width: EXPORT_WIDTH });
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml;charset=utf-8' });
}

export async function stackPngBlob(sessions: readonly StackSession[], establishment: string): Promise<Blob> {
  const rendered = renderStackSvg(sessions, { establishment, width: EXPORT_WIDTH });
  const { bytes } = await svgToSlidePng(rendered);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}
