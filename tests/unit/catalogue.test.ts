import { describe, expect, it } from 'vitest';
import { ACTOR_CATALOGUE, searchCatalogue } from '../../src/domain/catalogue';
import { ACTOR_CATEGORIES } from '../../src/domain/enums';

const names = (q: string) => searchCatalogue(q).map((e) => e.name);
const entry = (name: string) => ACTOR_CATALOGUE.find((e) => e.name === name);

describe('the catalogue of actors', () => {
  it('holds the actors named in the domain, each with its category', () => {
    expect(entry('ARS')?.category).toBe('acteur-regional');
    expect(entry('DNS')?.description).toBe('Délégation au numérique en santé');
    expect(entry('ANS')?.description).toMatch(/^Agence du numérique en santé/);
    expect(entry('CSE')?.category).toBe('representants-personnel');
    expect(entry('Éditeur du logiciel')?.category).toBe('editeur');
    expect(entry('Aract')?.category).toBe('accompagnement');
    expect(entry('Référent·es DUI')?.category).toBe('referents');
    for (const n of ['Ministère de la Santé', 'DGOS', 'DGCS', 'CNAM', 'CNSA', 'ANAP', 'HAS', 'GRADeS', 'URPS', 'GHT', 'DSI',
      'Infirmier·es', 'Aides-soignant·es', 'Médecins', 'AMP / AES', 'Secrétaires médicales', 'F3SCT / CSSCT', 'Familles',
      'Professionnel·les libéraux', 'Anact', "Assistance à maîtrise d'ouvrage", 'Comité de pilotage', 'Cadres de santé']) {
      expect(entry(n), n).toBeDefined();
    }
    expect(new Set(ACTOR_CATALOGUE.map((e) => e.name)).size).toBe(ACTOR_CATALOGUE.length);
  });

  it('is grouped in the order of the categories', () => {
    const order = ACTOR_CATALOGUE.map((e) => ACTOR_CATEGORIES.indexOf(e.category));
    expect(order.every((c) => c >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // every category but « autre » offers something
    expect(new Set(ACTOR_CATALOGUE.map((e) => e.category))).toEqual(new Set(ACTOR_CATEGORIES.filter((c) => c !== 'autre')));
  });

  it('finds without case or accents, in names and descriptions', () => {
    expect(names('ars')).toContain('ARS');
    expect(names('ARS')).toEqual(names('ars'));
    expect(names('educateur')).toEqual(['Éducateur·rices']);
    expect(names('ÉDUCATEUR')).toEqual(['Éducateur·rices']);
    expect(names('numerique en sante')).toEqual(expect.arrayContaining(['DNS', 'ANS']));
    expect(names('ASIP')).toEqual(['ANS']);
    expect(names('référent')).toEqual(['Référent·es numériques', 'Référent·es DUI']);
    expect(names('syndic')).toEqual(['Délégué·es syndicaux']);
    expect(names('zzz')).toEqual([]);
  });

  it('an empty query gives the whole catalogue', () => {
    expect(searchCatalogue('')).toEqual([...ACTOR_CATALOGUE]);
    expect(searchCatalogue('   ')).toHaveLength(ACTOR_CATALOGUE.length);
  });
});
