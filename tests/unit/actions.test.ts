// @vitest-environment jsdom
/**
 * The actions of a session page, performed headless on the DUI example: what they do to the
 * document, the view and what is announced; and which key asks for which action.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { actorUsage, addActor } from '../../src/domain/commands/actors';
import { useViewStore } from '../../src/state/viewStore';
import { actionForKey, ariaKeys, matchesKey, shownKeys } from '../../src/ui/actions';
import * as actorActions from '../../src/features/actor-map/actions';
import * as conduct from '../../src/features/conduct-map/actions';
import { redo, roomMode, SESSION_PAGE_SCOPES, sessionScope, undo } from '../../src/features/sessions/actions';
import { actorScope } from '../../src/features/actor-map/actions';
import { conductScope } from '../../src/features/conduct-map/actions';
import { exampleSession, openHeadless, type Harness } from '../actionHarness';

const view = () => useViewStore.getState();
const titles = (h: Harness) => h.session().steps.map((s) => s.title);
const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>> = {}, target: EventTarget = document.body) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods });
  Object.defineProperty(e, 'target', { value: target });
  return e;
};

describe('conduct map actions', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHeadless(exampleSession());
  });

  it('deleting the selected step removes it in one undo step, says so, and Annuler brings it back', () => {
    const third = h.session().steps[2]!;
    const before = h.session().steps.length;
    expect(conduct.deleteSelection.enabled(h.ctx)).toBe(false);
    view().select([third.id], 'step');
    expect(conduct.deleteSelection.enabled(h.ctx)).toBe(true);
    void conduct.deleteSelection.perform(h.ctx);
    expect(h.session().steps).toHaveLength(before - 1);
    expect(titles(h)).not.toContain(third.title);
    expect(view().selection).toEqual([]);
    expect(h.announced()).toBe('1 étape supprimée (Ctrl+Z pour annuler).');
    expect(undo.enabled(h.ctx)).toBe(true);
    void undo.perform(h.ctx);
    expect(h.session().steps[2]!.title).toBe(third.title);
    void redo.perform(h.ctx);
    expect(h.session().steps).toHaveLength(before - 1);
  });

  it('copied steps are pasted as new steps, selected, through the clipboard', async () => {
    const [a, b] = h.session().steps;
    const before = h.session().steps.length;
    view().select([a!.id, b!.id], 'step');
    await conduct.copySelection.perform(h.ctx);
    expect(h.clipboard.text).toContain(a!.title);
    expect(h.announced()).toBe('2 étapes copiées.');
    await conduct.paste.perform(h.ctx);
    expect(h.session().steps).toHaveLength(before + 2);
    expect(view().selection).toHaveLength(2);
    expect(view().selection).not.toContain(a!.id);
    expect(h.announced()).toBe('2 étapes collées.');
  });

  it('with nothing copied, pasting says what to do and changes nothing', async () => {
    const before = h.session();
    await conduct.paste.perform(h.ctx);
    expect(h.session()).toBe(before);
    expect(h.announced()).toBe("Rien à coller : copiez d'abord une ou plusieurs étapes.");
  });

  it('Alt+↑ moves the selected step one place earlier and announces its new number', () => {
    const second = h.session().steps[1]!;
    view().select([second.id], 'step');
    void conduct.moveEarlier.perform(h.ctx);
    expect(h.session().steps[0]!.id).toBe(second.id);
    expect(h.announced()).toBe('Étape déplacée : elle porte maintenant le numéro 1.');
  });

  it('a link starts from the one selected step, and only then', () => {
    expect(conduct.linkStep.enabled(h.ctx)).toBe(false);
    const step = h.session().steps[4]!;
    view().select([step.id], 'step');
    void conduct.linkStep.perform(h.ctx);
    expect(view().dialog).toEqual({ kind: 'link', from: step.id });
  });

  it('Tout afficher asks the map to fit; Vue liste toggles the list', () => {
    const before = view().fitRequests;
    void conduct.fitView.perform(h.ctx);
    expect(view().fitRequests).toBe(before + 1);
    void conduct.toggleOutline.perform(h.ctx);
    expect(view().outline).toBe(true);
    expect(conduct.fitView.enabled(h.ctx)).toBe(false);
  });
});

describe('actor map actions', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHeadless(exampleSession(), 'acteurs');
  });

  it('deleting an actor who took part in steps asks first; one who took part in nothing goes at once', () => {
    const s = h.session();
    const involved = s.actors.find((a) => actorUsage(s, a.id).participations.length > 0)!;
    view().select([involved.id], 'actor');
    void actorActions.deleteSelection.perform(h.ctx);
    expect(view().dialog).toMatchObject({ kind: 'delete-actors', actorIds: [involved.id] });
    expect(h.session().actors).toContainEqual(involved);

    h.ctx.apply((x) => addActor(x, { id: 'acteur-seul', name: 'Prestataire', category: 'editeur', position: { x: 0, y: 0 } }));
    const lone = h.session().actors.find((a) => a.id === 'acteur-seul')!;
    expect(actorActions.actorsDeletionMatters(h.session(), [lone.id])).toBe(false);
    view().openDialog(null);
    view().select([lone.id], 'actor');
    void actorActions.deleteSelection.perform(h.ctx);
    expect(h.session().actors.map((a) => a.id)).not.toContain(lone.id);
    expect(h.announced()).toBe('Sélection supprimée (Ctrl+Z pour annuler).');
  });

  it('R opens the relation dialog from the selected actor', () => {
    const actor = h.session().actors[0]!;
    view().select([actor.id], 'actor');
    void actorActions.addRelation.perform(h.ctx);
    expect(view().dialog).toEqual({ kind: 'relation', from: actor.id });
  });

  it('Ranger par catégorie moves the actors in one undo step, then fits the map', async () => {
    const before = h.session().actors.map((a) => a.position);
    const fits = view().fitRequests;
    await actorActions.arrange.perform(h.ctx);
    expect(h.session().actors.map((a) => a.position)).not.toEqual(before);
    expect(h.announced()).toBe('Acteurs rangés par catégorie (Ctrl+Z pour annuler).');
    expect(view().fitRequests).toBe(fits + 1);
    expect(view().arranging).toBe(false);
    void undo.perform(h.ctx);
    expect(h.session().actors.map((a) => a.position)).toEqual(before);
  });

  it('copied actors are pasted as new actors', () => {
    const actor = h.session().actors[0]!;
    view().select([actor.id], 'actor');
    void actorActions.copySelection.perform(h.ctx);
    void actorActions.paste.perform(h.ctx);
    expect(h.session().actors.filter((a) => a.name === actor.name)).toHaveLength(2);
    expect(h.announced()).toBe('1 acteur collé.');
  });
});

describe('the keys of the page', () => {
  it('a key asks for the action of the tab shown, and Ctrl+Z for undo on every tab', () => {
    const h = openHeadless(exampleSession());
    view().select([h.session().steps[0]!.id], 'step');
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('Delete'))).toBe(conduct.deleteSelection);
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('n'))).toBe(conduct.addStep);
    view().setTab('acteurs');
    view().select([h.session().actors[0]!.id], 'actor');
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('Delete'))).toBe(actorActions.deleteSelection);
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('n'))).toBeNull();
    h.ctx.apply((s) => ({ ...s, title: 'Autre titre' }));
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('z', { ctrlKey: true }))).toBe(undo);
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('Z', { ctrlKey: true, shiftKey: true }))).toBeNull(); // nothing to redo
  });

  it('no action while typing, in a dialog, or for a key the focused element took; undo still works on a box to tick', () => {
    const h = openHeadless(exampleSession());
    h.ctx.apply((s) => ({ ...s, title: 'Autre titre' }));
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('n', {}, input))).toBeNull();
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('z', { ctrlKey: true }, input))).toBeNull();
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('z', { ctrlKey: true }, checkbox))).toBe(undo);
    const handled = key('n');
    handled.preventDefault();
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, handled)).toBeNull();
    const modal = document.body.appendChild(Object.assign(document.createElement('div'), { role: 'dialog' }));
    modal.setAttribute('aria-modal', 'true');
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('n'))).toBeNull();
    modal.remove();
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('n'))).toBe(conduct.addStep);
  });

  it('keys are matched with their modifiers, and written for screen readers and in French', () => {
    const e = (k: string, m: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...m });
    expect(matchesKey(e('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesKey(e('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesKey(e('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesKey(e('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesKey(e('ArrowUp', { altKey: true }), 'Alt+ArrowUp')).toBe(true);
    expect(matchesKey(e('ArrowUp'), 'Alt+ArrowUp')).toBe(false);
    expect(ariaKeys(redo)).toBe('Control+Shift+Z Control+Y');
    expect(shownKeys(redo)).toBe('Ctrl+Maj+Z ou Ctrl+Y');
    expect(shownKeys(conduct.deleteSelection)).toBe('Suppr ou Retour arrière');
  });

  it('every action has a unique id, and no key names two actions of the page and of one map', () => {
    const all = SESSION_PAGE_SCOPES.flatMap((s) => s.actions);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    for (const scope of [conductScope, actorScope]) {
      const keys = [...sessionScope.actions, ...scope.actions].flatMap((a) => a.keys ?? []);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('in room mode, the arrows go from step to step and Échap leaves it, before the map’s own keys', () => {
    const h = openHeadless(exampleSession());
    expect(actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('ArrowRight'))).toBeNull();
    void roomMode.perform(h.ctx);
    const next = actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('ArrowRight'))!;
    void next.perform(h.ctx);
    void next.perform(h.ctx);
    expect(view().selection).toEqual([h.session().steps[1]!.id]);
    expect(view().viewRequest).toMatchObject({ id: h.session().steps[1]!.id, how: 'center' });
    void actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('PageDown'))!.perform(h.ctx);
    expect(view().tab).toBe('acteurs');
    void actionForKey(SESSION_PAGE_SCOPES, h.ctx, key('Escape'))!.perform(h.ctx);
    expect(view().roomMode).toBe(false);
  });
});
