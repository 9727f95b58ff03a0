import { useState } from 'react';

/**
 * A form field's value that follows its source (the field of the object being edited) until the
 * user changes it. In the workshop room another laptop may save another field of the same object
 * while the form is open: that field then shows the new value, and saving the form does not write
 * the old one back. A field changed here keeps what was typed, until it is saved (the source then
 * says the same, and the field follows again).
 */
export function useFollowedField<T>(source: T): [T, (value: T) => void] {
  const [state, setState] = useState({ value: source, source, touched: false });
  let current = state;
  if (!Object.is(state.source, source)) {
    const keep = state.touched && !Object.is(state.value, source);
    current = { value: keep ? state.value : source, source, touched: keep };
    setState(current);
  }
  return [current.value, (value: T) => setState((s) => ({ ...s, value, touched: true }))];
}
