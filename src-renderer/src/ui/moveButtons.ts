/**
 * After a Move up / Move down button took its item to an end of the list, that button is disabled and the
 * keyboard would sit on a dead control: the focus goes to the item's other move button (the button beside it:
 * Move down after a move to the top, Move up after a move to the bottom). Call it after the move was made;
 * it looks once the list has re-rendered. Items must be keyed, so the pressed button is the same element.
 */
export function keepFocusOnMove(button: HTMLButtonElement, toTop: boolean): void {
  requestAnimationFrame(() => {
    const other = (toTop ? button.nextElementSibling : button.previousElementSibling) as HTMLButtonElement | null;
    if (button.disabled && other && !other.disabled) other.focus();
  });
}
