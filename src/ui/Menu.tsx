import { useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** A choice that stays on or off (`menuitemcheckbox`): choosing it keeps the menu open. */
  checked?: boolean;
  /** Items next to each other with the same group are shown together, under its name (`group`). */
  group?: string;
}

interface MenuButtonProps {
  label: string;
  /** Visible text of the button, when it differs from its accessible name. */
  text?: string;
  items: MenuItem[];
  className?: string;
}

/** A button that opens a menu (WAI-ARIA menu button): arrows move, Entrée chooses, Échap closes. */
export function MenuButton({ label, text, items, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (i + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
      entries[next]?.focus();
    } else if (e.key === 'Home') {
      e.preventDefault();
      entries[0]?.focus();
    } else if (e.key === 'End') {
      e.preventDefault();
      entries[entries.length - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className={`menu-wrap ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={text && text !== label ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {text ?? label}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKey}>
          {groupItems(items).map(([group, members]) =>
            group ? (
              <li key={`group:${group}`} role="none" className="menu-group">
                <span className="menu-group-label" aria-hidden="true">{group}</span>
                <ul role="group" aria-label={group}>
                  {members.map(entry)}
                </ul>
              </li>
            ) : (
              members.map(entry)
            ),
          )}
        </ul>
      )}
    </div>
  );

  function entry(item: MenuItem) {
    return (
      <li
        key={item.label}
        role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
        aria-checked={item.checked}
        tabIndex={-1}
        aria-disabled={item.disabled || undefined}
        onClick={() => {
          if (item.disabled) return;
          if (item.checked === undefined) close(true);
          item.onSelect();
        }}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ' ') && !item.disabled) {
            e.preventDefault();
            if (item.checked === undefined) close(true);
            item.onSelect();
          }
        }}
      >
        {item.checked !== undefined && <span aria-hidden="true">{item.checked ? '☑ ' : '☐ '}</span>}
        {item.label}
      </li>
    );
  }
}

/** Runs of items: [group name, its items], or [null, items outside any group]. */
function groupItems(items: MenuItem[]): [string | null, MenuItem[]][] {
  const runs: [string | null, MenuItem[]][] = [];
  for (const item of items) {
    const group = item.group ?? null;
    const last = runs[runs.length - 1];
    if (last && last[0] === group) last[1].push(item);
    else runs.push([group, [item]]);
  }
  return runs;
}
