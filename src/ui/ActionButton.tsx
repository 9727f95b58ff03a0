import { useCallback, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { actionForKey, actionTitle, ariaKeys, type Action, type ActionScope } from './actions';

interface Subscribable {
  subscribe: (listener: () => void) => () => void;
}

/** Whether the action can be performed now, kept up to date with the context. */
export function useEnabled<C extends Subscribable>(action: Action<C>, ctx: C): boolean {
  const subscribe = useCallback((listener: () => void) => ctx.subscribe(listener), [ctx]);
  return useSyncExternalStore(subscribe, () => action.enabled(ctx));
}

interface ActionButtonProps<C extends Subscribable> {
  action: Action<C>;
  ctx: C;
  className?: string;
  /** For a toggle (`Vue liste`): whether it is on. */
  pressed?: boolean;
  /** Shown instead of the label while the action works (`Rangement…`); the accessible name stays the label. */
  children?: ReactNode;
}

/** A toolbar button for an action: its label, its keys (`aria-keyshortcuts`, tooltip), disabled when it cannot be done. */
export function ActionButton<C extends Subscribable>({ action, ctx, className, pressed, children }: ActionButtonProps<C>) {
  const enabled = useEnabled(action, ctx);
  return (
    <button
      type="button"
      className={className}
      disabled={!enabled}
      aria-pressed={pressed}
      aria-keyshortcuts={ariaKeys(action)}
      aria-label={children ? action.label : undefined}
      title={actionTitle(action)}
      onClick={() => void action.perform(ctx)}
    >
      {children ?? action.label}
    </button>
  );
}

/** The page's one keyboard dispatcher: a key performs the first enabled action of an active scope that it names. */
export function useKeyboardActions<C>(scopes: readonly ActionScope<C>[], ctx: C): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionForKey(scopes, ctx, e);
      if (!action) return;
      e.preventDefault();
      void action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scopes, ctx]);
}
