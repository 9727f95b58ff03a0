/**
 * Following the edits another tab makes to the same session. When it has saved, this tab reloads
 * the session from disk, unless it has changes of its own not yet written (reloading would drop
 * them): then the reload waits for this tab's write and happens right after it. Writes are per
 * row, so the disk then holds both tabs' edits, and neither tab is left showing a stale session.
 */
export class OtherTabEdits {
  private stale = false;

  constructor(
    private readonly hasPendingChanges: () => boolean,
    /** Reloads the session from disk; resolves to false when it could not be applied (an edit came meanwhile). */
    private readonly reload: () => Promise<boolean>,
  ) {}

  /** Another tab wrote this session. */
  otherTabSaved(): void {
    this.stale = true;
    this.tryReload();
  }

  /** This tab's own write reached the disk. */
  ownWriteDone(): void {
    this.tryReload();
  }

  private tryReload(): void {
    if (!this.stale || this.hasPendingChanges()) return;
    this.stale = false;
    void this.reload().then((applied) => {
      if (!applied) this.stale = true;
    });
  }
}
