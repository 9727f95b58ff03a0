import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { facesFor, facesForText } from '../../src/features/export/svgFonts';
import { renderConductSvg } from '../../src/render/conductSvg';
import { SVG_FONT } from '../../src/render/svgText';
import { exampleText } from '../formatExamples';

const faces = (list: { weight: number; subset: string }[]) => list.map((f) => `${f.subset} ${f.weight}`).sort();

describe('Inter in the exported images', () => {
  it('names Inter first, then DejaVu Sans, then a generic family', () => {
    expect(SVG_FONT.split(',').map((s) => s.trim())).toEqual(['Inter', "'DejaVu Sans'", "'Liberation Sans'", 'Arial', 'Helvetica', 'sans-serif']);
  });

  it('embeds in a map PNG the latin faces of the weights it uses, latin-ext only for such letters', () => {
    const parsed = parseSessionFile(exampleText('dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const { svg } = renderConductSvg(parsed.value.session, { today: '2026-11-24' });
    expect(svg).toContain(`font-family="${SVG_FONT}"`);
    expect(faces(facesFor(svg))).toEqual(['latin 400', 'latin 700']);
    expect(faces(facesFor('<svg><text>Łukasz</text></svg>'))).toEqual(['latin 400', 'latin-ext 400']);
    // French letters and œ are in the latin file.
    expect(faces(facesFor('<svg><text font-weight="600">Cœur, été, ça</text></svg>'))).toEqual(['latin 400', 'latin 600']);
    expect(faces(facesForText('Équipe'))).toEqual(['latin 400', 'latin 600', 'latin 700']);
  });
});
