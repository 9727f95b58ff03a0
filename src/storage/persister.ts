/**
 * Writes an open session through to IndexedDB. The in-memory document is the source of truth;
 * the persister keeps the last version on disk (the baseline) and, as soon as a change is made,
 * starts writing the rows that differ in one transaction. While a write is under way,
 * further changes wait and go together in the next one, so there is at most one write in
 * flight and no debounce to lose on close. A failed write keeps the baseline, so the next flush
 * retries everything not yet on disk.
 */
import { headerOf } from '../domain/session';
import type { Session } from '../domain/types';
import type { AciaDatabase } from './db';
import { diffSessions, isEmptyDiff } from './diff';
import { storageErrorMessage } from './errors';
import { writeDiff } from './repository';

/** Delay before a change made during a write is written: none beyond the current task. */
export const FLUSH_DELAY_MS = 0;

/**
 * A write says `saving` only once it has lasted this long: most take a few milliseconds, and the
 * status line (a live region) would otherwise flicker, and be read out, at every edit.
 */
export const SAVING_SHOWN_AFTER_MS = 300;

export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'error'; message: string; error: unknown };

export interface PersisterOptions {
  onStatus?: (status: SaveStatus) => void;
  /** Called after each successful write (to tell other tabs). */
  onWritten?: (sessionId: string, savedAt: string) => void;
  now?: () => Date;
}

let persistAsked = false;

/** Asks the browser once to keep this site's data (not evicted under storage pressure). */
export function askPersistentStorage(): void {
  if (persistAsked) return;
  persistAsked = true;
  void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
}

export class SessionPersister {
  private baseline: Session;
  private latest: Session;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly db: AciaDatabase,
    initial: Session,
    private readonly options: PersisterOptions = {},
  ) {
    this.baseline = initial;
    this.latest = initial;
  }

  /** The document changed: schedule a write. */
  update(next: Session): void {
    if (this.disposed || next === this.latest) return;
    this.latest = next;
    if (this.writing || this.timer) {
      // A write is under way: this change goes in the next one.
      this.options.onStatus?.({ state: 'pending' });
      this.timer ??= setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, FLUSH_DELAY_MS);
      return;
    }
    // Start writing now, before the page re-renders: IndexedDB works while React draws.
    void this.flush();
  }

  /** The document was replaced by what is on disk (another tab wrote it): nothing to write. */
  reset(onDisk: Session): void {
    this.baseline = onDisk;
    this.latest = onDisk;
  }

  /** The write under way, if any: it settles once its rows are on disk (or the write failed). */
  get inFlight(): Promise<void> | null {
    return this.writing;
  }

  get hasPendingChanges(): boolean {
    return this.latest !== this.baseline;
  }

  /** Writes what is not on disk yet; resolves when it is (or when the write failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.writing) await this.writing;
    const target = this.latest;
    if (target === this.baseline) {
      // Back to what is on disk (an undo before the write): nothing to write, all saved.
      this.options.onStatus?.({ state: 'saved', at: null });
      return;
    }
    const diff = diffSessions(this.baseline, target);
    if (isEmptyDiff(diff)) {
      this.baseline = target;
      this.options.onStatus?.({ state: 'saved', at: null });
      return;
    }
    const savedAt = (this.options.now?.() ?? new Date()).toISOString();
    let failed = false;
    const slow = setTimeout(() => this.options.onStatus?.({ state: 'saving' }), SAVING_SHOWN_AFTER_MS);
    this.writing = writeDiff(this.db, diff, headerOf(target), savedAt).then(
      () => {
        clearTimeout(slow);
        this.baseline = target;
        this.options.onWritten?.(diff.sessionId, savedAt);
        if (this.latest === target) this.options.onStatus?.({ state: 'saved', at: savedAt });
      },
      (error: unknown) => {
        clearTimeout(slow);
        failed = true;
        this.options.onStatus?.({ state: 'error', message: storageErrorMessage(error), error });
      },
    );
    askPersistentStorage();
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
    // Changes made during the write go in the next one; after a failure, the next edit retries.
    if (!failed && this.latest !== this.baseline && !this.timer && !this.disposed) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, FLUSH_DELAY_MS);
    }
  }

  /** Flushes, then stops listening. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
