import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AciaDatabase, setDb } from '../../src/storage/db';

/** A fresh, empty database for each test (fake-indexeddb). */
export function freshDb(): AciaDatabase {
  const db = new AciaDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
  return db;
}

/**
 * A fresh database before each test of the calling file, closed (and the page cleaned up) after
 * it; returns a getter for the current test's database.
 */
export function freshDbPerTest(): () => AciaDatabase {
  let db: AciaDatabase | undefined;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => {
    cleanup();
    db?.close();
  });
  return () => db!;
}

export function renderAt(ui: ReactElement, path = '/') {
  const location = memoryLocation({ path, record: true });
  return { ...render(<Router hook={location.hook}>{ui}</Router>), location };
}
