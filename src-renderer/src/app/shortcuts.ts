/** The keyboard shortcuts, as listed in the help overlay (`Mod` = Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS: { group: string; keys: string[]; label: string }[] = [
  { group: 'Document', keys: ['Mod+N'], label: 'New framework' },
  { group: 'Document', keys: ['Mod+O'], label: 'Open…' },
  { group: 'Document', keys: ['Mod+S'], label: 'Save' },
  { group: 'Document', keys: ['Mod+Shift+S'], label: 'Save as…' },
  { group: 'Edit', keys: ['Mod+Z'], label: 'Undo' },
  { group: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'Redo' },
  { group: 'Edit', keys: ['N'], label: 'New competency' },
  { group: 'Edit', keys: ['Delete', 'Backspace'], label: 'Delete selected competencies and links' },
  { group: 'Edit', keys: ['Mod+C'], label: 'Copy' },
  { group: 'Edit', keys: ['Mod+X'], label: 'Cut' },
  { group: 'Edit', keys: ['Mod+V'], label: 'Paste (also from another document)' },
  { group: 'Edit', keys: ['Mod+D'], label: 'Duplicate' },
  { group: 'Edit', keys: ['Mod+A'], label: 'Select all' },
  { group: 'Edit', keys: ['←', '↑', '→', '↓'], label: 'Nudge selection (Shift: 10×); while linking, move between cards' },
  { group: 'Edit', keys: ['K', 'Enter'], label: 'Link from here: K on the prerequisite, then Enter on the competency that requires it (Escape cancels)' },
  { group: 'Edit', keys: ['K'], label: 'Link two selected: first → second' },
  { group: 'Edit', keys: ['P'], label: 'Pin / unpin selection' },
  { group: 'Edit', keys: ['Enter'], label: 'Edit the selected competency in the Inspector' },
  { group: 'Edit', keys: ['Escape'], label: 'In the Inspector: back to the competency’s card on the map' },
  { group: 'Navigate', keys: ['Tab', 'Shift+Tab'], label: 'Next / previous competency (skips collapsed domains); past the last, on out of the map' },
  { group: 'Navigate', keys: ['Mod+F'], label: 'Search by code or text' },
  { group: 'Navigate', keys: ['F'], label: 'Fit the whole map in view' },
  { group: 'Navigate', keys: ['+', '-'], label: 'Zoom in / out' },
  { group: 'Navigate', keys: ['Shift+F'], label: 'Focus mode on the selection' },
  { group: 'Navigate', keys: ['L'], label: 'Auto-layout (pinned stay put)' },
  { group: 'Navigate', keys: ['Escape'], label: 'Cancel a running auto-layout (nothing moves)' },
  { group: 'Navigate', keys: ['C'], label: 'Collapse the selected competency’s domain into one node' },
  { group: 'Navigate', keys: ['Shift+C'], label: 'Collapse all domains / expand all' },
  { group: 'Navigate', keys: ['Escape'], label: 'Clear selection, leave focus mode (no auto-layout running)' },
  { group: 'Navigate', keys: ['?'], label: 'This help' },
  { group: 'Canvas', keys: ['Drag dot → card'], label: 'Link prerequisite → dependent (let go on the card or on its dot)' },
  { group: 'Canvas', keys: ['Double-click'], label: 'New competency here (on a competency: edit it; on a collapsed domain: expand it)' },
  { group: 'Canvas', keys: ['Shift+drag'], label: 'Box select' },
  { group: 'Canvas', keys: ['Shift+click'], label: 'Add to selection (on a touch screen: Select several, under the zoom buttons, then tap)' },
  { group: 'Canvas', keys: ['Two fingers'], label: 'Pinch to zoom, anywhere on the map (touch screen)' },
  { group: 'Canvas', keys: ['Alt+click ›'], label: 'On a domain’s collapse button: show only that domain' },
];

/** Renders `Mod` for the platform. */
export function keyLabel(k: string, mac: boolean): string {
  return k.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Shift', mac ? '⇧' : 'Shift');
}
