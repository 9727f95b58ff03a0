import { render } from '@testing-library/react';
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

export function renderAt(ui: ReactElement, path = '/') {
  const location = memoryLocation({ path, record: true });
  return { ...render(<Router hook={location.hook}>{ui}</Router>), location };
}
