// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { createSession, deleteSession, renameSession, useSessionList } from '../../src/state/sessionsLibrary';
import { exampleText } from '../formatExamples';
import { freshDbPerTest } from './render';

function dui(patch: Partial<Session>): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { ...parsed.value.session, ...patch };
}

const db = freshDbPerTest();

describe('the live list of sessions', () => {
  it('keeps the live list up to date with every change made here', async () => {
    const { result, unmount } = renderHook(() => useSessionList());
    await waitFor(() => expect(result.current).toEqual([]));
    await act(() => createSession(dui({ id: 'a', title: 'A' })));
    await waitFor(() => expect(result.current?.map((s) => s.title)).toEqual(['A']));
    await act(() => renameSession('a', 'A renommé'));
    await waitFor(() => expect(result.current?.map((s) => s.title)).toEqual(['A renommé']));
    await act(() => deleteSession('a'));
    await waitFor(() => expect(result.current).toEqual([]));
    unmount();
  });

  it("follows a save another tab announces (written with IndexedDB itself, which Dexie's live query does not hear)", async () => {
    await createSession(dui({ id: 'a', title: 'A' }));
    const { result, unmount } = renderHook(() => useSessionList());
    await waitFor(() => expect(result.current?.map((s) => s.title)).toEqual(['A']));
    const header = await db().sessions.get('a');
    await new Promise<void>((resolve, reject) => {
      const tx = db().backendDB().transaction(['sessions'], 'readwrite');
      tx.objectStore('sessions').put({ ...header, title: 'Renommé ailleurs' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const otherTab = new BroadcastChannel('cartographies-acia');
    otherTab.postMessage({ type: 'saved', sessionId: 'a', tabId: 'autre-onglet' });
    otherTab.close();
    await waitFor(() => expect(result.current?.map((s) => s.title)).toEqual(['Renommé ailleurs']));
    unmount();
  });
});
