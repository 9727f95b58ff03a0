// @vitest-environment jsdom
/** The shortcuts panel is the registry: every action with keys is listed with its keys, and nothing else is. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FOCUSED_KEYS, SESSION_PAGE_SCOPES } from '../../src/features/sessions/actions';
import { addStep } from '../../src/features/conduct-map/actions';
import { appContext } from '../../src/state/actionContext';
import { useViewStore } from '../../src/state/viewStore';
import { ActionButton, useKeyboardActions } from '../../src/ui/ActionButton';
import { shownKeys } from '../../src/ui/actions';
import { ShortcutsHelp } from '../../src/ui/ShortcutsHelp';
import { exampleSession, openHeadless } from '../actionHarness';

afterEach(cleanup);

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));

describe('the shortcuts panel', () => {
  it('lists each scope’s actions with keys, in the registry’s words, then the keys of focused elements', () => {
    render(<ShortcutsHelp scopes={SESSION_PAGE_SCOPES} focusedKeys={FOCUSED_KEYS} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Raccourcis clavier' });
    for (const scope of SESSION_PAGE_SCOPES) {
      const table = within(dialog).getByRole('table', { name: scope.label });
      const expected = scope.actions.filter((a) => a.keys?.length).map((a) => [shownKeys(a), a.label]);
      expect(rowsOf(table)).toEqual(expected);
    }
    expect(rowsOf(within(dialog).getByRole('table', { name: "Sur l'élément qui a le focus" }))).toEqual(FOCUSED_KEYS.map(([k, a]) => [k, a]));
  });

  it('a toolbar button carries its action’s keys, and the key shown does what the button does', async () => {
    openHeadless(exampleSession());
    function Page() {
      useKeyboardActions(SESSION_PAGE_SCOPES, appContext);
      return <ActionButton action={addStep} ctx={appContext} />;
    }
    render(<Page />);
    const button = screen.getByRole('button', { name: 'Ajouter une étape' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'N');
    expect(button).toHaveAttribute('title', 'Ajouter une étape (N)');
    expect(useViewStore.getState().creatingStep).toBe(false);
    await userEvent.keyboard('n');
    expect(useViewStore.getState().creatingStep).toBe(true);
    useViewStore.getState().setCreatingStep(false);
    await userEvent.click(button);
    expect(useViewStore.getState().creatingStep).toBe(true);
  });
});
