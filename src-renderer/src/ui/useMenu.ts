import { useRef, useState } from 'react';

/**
 * A button that opens a menu (the WAI-ARIA menu button pattern): opened from the keyboard (Enter/Space give
 * no pointer position) the first item has the focus; arrows, Home and End move among the items shown (those
 * a media query hides are skipped); Escape closes it back to its button; the focus leaving closes it.
 */
export function useMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const items = () =>
    [...(listRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])].filter((e) => e.getClientRects().length > 0 && !(e as HTMLButtonElement).disabled);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open) return;
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length + (at < 0 && e.key === 'ArrowUp' ? 1 : 0)) % all.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    }
  };
  const onBlur = (e: React.FocusEvent) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false);
  const onButtonClick = (e: React.MouseEvent) => {
    setOpen(!open);
    if (!open && e.detail === 0) requestAnimationFrame(() => items()[0]?.focus());
  };
  /** Closes the menu with the focus back on its button (so a dialog the item opens gives it back there). */
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return { open, setOpen, close, buttonRef, listRef, onKeyDown, onBlur, onButtonClick };
}
