import type { Framework } from '../../../../src-core/model/types';

/**
 * On the canvas the domain names are an overlay pinned to the visible edge (`LaneLabels`), outside
 * the `.react-flow__viewport` that a whole-map image captures. For the capture, puts a label (the
 * same `lane-label` markup, so it looks the same) at the top-left of every rendered lane node — the
 * lane keeps room for it above its competencies. Returns a function that removes them again.
 */
export function addLaneLabelsForExport(fw: Pick<Framework, 'domains'>, viewport: Element): () => void {
  const byId = new Map<string, Framework['domains'][number]>(fw.domains.map((d) => [d.id, d]));
  const added: HTMLElement[] = [];
  for (const el of viewport.querySelectorAll<HTMLElement>('.react-flow__node[data-id^="lane:"]')) {
    const d = byId.get((el.dataset.id ?? '').slice('lane:'.length));
    if (!d || el.offsetWidth < 56) continue;
    const label = document.createElement('div');
    label.className = 'lane-label';
    label.dataset.export = 'lane-label';
    label.setAttribute('aria-hidden', 'true');
    label.style.setProperty('--domain', d.color);
    label.style.transform = 'translate(8px, 6px)';
    label.style.maxWidth = `${el.offsetWidth - 16}px`;
    label.style.pointerEvents = 'none';
    if (d.code) {
      const code = document.createElement('span');
      code.className = 'lane-code';
      code.textContent = d.code;
      label.append(code);
    }
    const title = document.createElement('span');
    title.className = 'lane-label-title';
    title.textContent = d.title;
    label.append(title);
    el.append(label);
    added.push(label);
  }
  return () => {
    for (const l of added) l.remove();
  };
}
