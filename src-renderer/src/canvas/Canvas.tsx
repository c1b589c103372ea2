import {
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  SelectionMode,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type Node,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { linkRefusal, reconnectPrerequisite } from '../../../src-core/commands';
import type { CompetencyId, DomainId, LinkId } from '../../../src-core/model/ids';
import { useProblemCounts } from '../diagnostics/useDiagnostics';
import { useStore, useEditor } from '../store/useEditor';
import { createCompetency, focusField, linkCompetencies } from './actions';
import { setCanvasBridge } from './canvasBridge';
import { centringDuration, flashCompetency, prefersReducedMotion } from './centring';
import { startLiveDrag, type LiveDrag } from './drag/liveDrag';
import { createFlowDeriver, type FlowNode } from './flowModel';
import { NODE_H, NODE_W } from './geometry';
import { edgeTypes } from './edges/PrerequisiteEdge';
import { nodeTypes } from './nodes/nodeTypes';
import { LinkSourceContext } from './nodes/CompetencyNode';
import { LinkModeBar } from './LinkModeBar';
import { EmptyCanvas } from './EmptyCanvas';
import { ArrowMarker } from './ArrowMarker';
import { MapDots } from './dots/MapDots';
import { OverviewLayer } from './lod/OverviewLayer';
import { OverviewMiniMap } from './lod/OverviewMiniMap';
import { useLodFlow } from './lod/useLodFlow';
import { viewportToFit } from './window/fitWhole';
import { clearOfOverlays, overlayBoxes } from './overlays/fitClear';
import type { WindowKeep } from './window/flowWindow';
import { minZoomFor } from './lod/zoomLimits';
import { LOD_MIN_COMPETENCIES } from './lod/overviewScene';
import { collapsedDomainAt, competenciesInRect, flowRectOf, type FlowRect } from './lod/overviewSelect';
import { collapseViewCached, COLLAPSED_H, COLLAPSED_W } from './collapse/applyCollapse';
import { expandDomain } from './collapse/collapseActions';
import { focusSet } from './focus/focusSet';
import { LaneLabels } from './lanes/LaneLabels';
import { laneDomainAt, laneDrop } from './lanes/laneDrop';
import { useTwoFingerZoom } from './touch/useTwoFingerZoom';
import { useSelectSeveral } from './touch/useSelectSeveral';
import { MapControls } from './touch/MapControls';
import { minimapSize } from './overlays/minimapSize';

const isLane = (id: string) => id.startsWith('lane:');
/**
 * Opening a document, Fit (F, the fit button) and auto-layout show the whole map: as far out as
 * `minZoomFor` allows (below the usual 0.1 for a map too big for it).
 */
const FIT = { padding: 0.12, maxZoom: 1.1, includeHiddenNodes: true };
// Props React Flow copies into its store whenever they change identity: kept stable, so a re-render
// during a drag does not set them again (each store write re-runs every node, edge and minimap selector).
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const DEFAULT_EDGE_OPTIONS = { interactionWidth: 16 };
const ARIA_LABELS = { 'controls.ariaLabel': 'Zoom' };

function CanvasFlow({ colorMode, showMinimap }: { colorMode: 'light' | 'dark' | 'system'; showMinimap: boolean }) {
  const store = useStore();
  const rf = useReactFlow<FlowNode, Edge>();
  const flowStore = useStoreApi<FlowNode, Edge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const reconnecting = useRef<string | null>(null);
  const framework = useEditor((s) => s.doc.framework);
  const selection = useEditor((s) => s.session.selection);
  const focus = useEditor((s) => s.session.focus);
  const laneOrientation = useEditor((s) => s.session.laneOrientation);
  const linkingFrom = useEditor((s) => s.session.linking?.from ?? null);
  // A drag gesture lives in React Flow's store (drag/liveDrag.ts), not in React state nor the editor
  // store: a pointer move re-renders nothing but the moved nodes, their links and lanes; drag end
  // commits one moveCompetencies (perf). A re-render mid-gesture folds its positions in.
  const live = useRef<LiveDrag | null>(null);
  // a card drag a two-finger pinch took over (useTwoFingerZoom below): dropped, its end commits nothing
  const pinched = useRef(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const centerOn = useEditor((s) => s.session.centerOn);
  const docKey = useEditor((s) => `${s.doc.framework.id}|${s.doc.name}`);
  const problems = useProblemCounts();
  const derive = useMemo(createFlowDeriver, []);
  const dragPositions = live.current ? { ...live.current.positions } : null;
  const { nodes, edges } = derive({ framework, session: { selection, focus, laneOrientation, dragPositions }, problems });
  // What React Flow keeps whatever the view (lod/useLodFlow windows a large map zoomed in): a dragged
  // competency with all its links (drag/liveDrag.ts redraws them from React Flow's lookups), the start
  // of a connection or reconnection being drawn, the card that has keyboard focus; selected ones always.
  const keep = useCallback((): WindowKeep => {
    const links = new Set<string>(live.current ? Object.keys(live.current.positions) : []);
    const c = flowStore.getState().connection;
    if (c.inProgress) links.add(c.fromNode.id);
    const focused = (document.activeElement as HTMLElement | null)?.closest?.('.react-flow__node')?.getAttribute('data-id');
    return { links, nodes: focused ? new Set([focused]) : undefined };
  }, [flowStore]);
  // level of detail for large maps (lod/): only what is near the view; zoomed out, one painted overview
  const lod = useLodFlow(nodes, edges, keep);
  // the whole flow, for fitting the map: zoomed in on a large map, React Flow knows only part of it
  const whole = useRef(lod.all.nodes);
  whole.current = lod.all.nodes;
  /** React Flow's fitView over every node (`ids`: these only), from our node list; false when there is nothing to fit. */
  const fit = useCallback(
    (opts: { padding: number; maxZoom: number; duration?: number }, ids?: ReadonlySet<string>): boolean => {
      const { width, height, minZoom: min, nodeLookup } = flowStore.getState();
      const sizeOf = (id: string) => nodeLookup.get(id)?.measured;
      const fitOpts = { padding: opts.padding, minZoom: min, maxZoom: opts.maxZoom };
      let vp = viewportToFit(whole.current, { width, height }, fitOpts, ids, sizeOf);
      // no card is left under the minimap, the zoom buttons or the lock badge
      const pane = wrapper.current?.querySelector('.react-flow');
      const area = wrapper.current?.parentElement;
      if (vp && pane && area) vp = clearOfOverlays(vp, whole.current, { width, height }, overlayBoxes(area, pane), fitOpts, ids, sizeOf);
      if (vp) void rf.setViewport(vp, { duration: opts.duration });
      return vp !== null;
    },
    [flowStore, rf],
  );
  const fitButton = useCallback(() => void fit(FIT), [fit]);
  const several = useSelectSeveral(docKey);
  const toggleSeveral = useCallback(() => {
    if (!several.on) store.notify('info', 'Select several: tap competencies to add them to the selection or take them out; tap the button again to stop.');
    several.toggle();
  }, [several, store]);
  // While the view pans or zooms (`.is-moving`, app.css) the map is one composited layer that moves as a
  // whole, and links are painted without anti-aliasing: on a machine without a GPU, rasterising the view
  // again on every frame is what limits the frame rate. They are smooth again as soon as the view stops.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('is-moving'), []);
  // counted once per competencies object, not on every render (an enumeration of 10,000 keys: ~1.5 ms)
  const total = useMemo(() => Object.keys(framework.competencies).length, [framework.competencies]);
  const empty = total === 0;
  // the painted minimap for a large map, also while collapsing leaves few nodes to React Flow (its own
  // minimap would frame the huge lanes around a few specks)
  const paintedMinimap = lod.large || total >= LOD_MIN_COMPETENCIES;
  // a map too big for the usual minimum zoom may zoom out until it fits: Fit shows it whole
  const viewW = useFlowStore((s) => s.width);
  const viewH = useFlowStore((s) => s.height);
  const minZoom = useMemo(() => minZoomFor(framework.competencies, { width: viewW, height: viewH }), [framework.competencies, viewW, viewH]);
  // a smaller minimap on a small pane (a zoomed Chromebook with a side panel open): one of two fixed objects, so
  // React Flow's MiniMap keeps its props between renders
  const minimap = minimapSize({ width: viewW, height: viewH });

  useEffect(() => {
    setCanvasBridge({
      center: () => {
        const r = wrapper.current?.getBoundingClientRect();
        return r ? rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : null;
      },
      fitView: () => void fit({ ...FIT, duration: 300 }),
      fitTo: (ids) => void fit({ padding: 0.2, maxZoom: 1, duration: 300 }, new Set(ids)),
      zoomIn: () => void rf.zoomIn({ duration: 200 }),
      zoomOut: () => void rf.zoomOut({ duration: 200 }),
      ensureVisible: (p, size) => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return;
        const a = rf.flowToScreenPosition(p);
        const b = rf.flowToScreenPosition({ x: p.x + (size?.width ?? NODE_W), y: p.y + (size?.height ?? NODE_H) });
        const m = 24;
        // Pan just enough (keeps the neighbours in view, unlike centring).
        const dx = b.x > r.right - m ? b.x - (r.right - m) : a.x < r.left + m ? a.x - (r.left + m) : 0;
        const dy = b.y > r.bottom - m ? b.y - (r.bottom - m) : a.y < r.top + m ? a.y - (r.top + m) : 0;
        if (!dx && !dy) return;
        const vp = rf.getViewport();
        void rf.setViewport({ x: vp.x - dx, y: vp.y - dy, zoom: vp.zoom }, { duration: 250 });
      },
    });
    return () => setCanvasBridge(null);
  }, [rf, fit]);

  // A newly opened document is shown whole (and drops any unfinished gesture of the previous one); an empty
  // one at zoom 1, so the competencies added next are readable (not at the last map's zoom).
  useEffect(() => {
    live.current?.finish();
    live.current = null;
    const t = setTimeout(() => {
      if (!fit(FIT)) void rf.setViewport({ x: 0, y: 0, zoom: 1 });
    }, 50);
    return () => clearTimeout(t);
  }, [docKey, fit, rf]);

  useEffect(() => {
    if (!centerOn) return;
    const c = store.getSnapshot().doc.framework.competencies[centerOn.id];
    if (!c) return;
    // a long way (or reduced motion): jump and flash the card instead of animating over the map (perf)
    const target = { x: c.position.x + NODE_W / 2, y: c.position.y + NODE_H / 2 };
    const zoom = Math.max(rf.getZoom(), 0.9);
    const r = wrapper.current?.getBoundingClientRect();
    const duration = centringDuration(rf.getViewport(), target, zoom, { width: r?.width ?? 0, height: r?.height ?? 0 }, prefersReducedMotion());
    if (duration) return void rf.setCenter(target.x, target.y, { zoom, duration });
    // the jump waits for the next frame to be painted first (the selection, the closed search list):
    // rendering the destination, from the zoomed-out overview especially, can take a few hundred ms
    let cancel = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void rf.setCenter(target.x, target.y, { zoom, duration: 0 });
        cancel = flashCompetency(wrapper.current, c.id);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      cancel();
    };
  }, [centerOn, rf, store]);

  // Focus mode shows the whole neighbourhood.
  useEffect(() => {
    if (!focus) return;
    const ids = focusSet(store.getSnapshot().doc.framework, focus.id, focus.depth);
    const t = setTimeout(() => fit({ padding: 0.2, maxZoom: 1, duration: 300 }, ids), 30);
    return () => clearTimeout(t);
  }, [focus, fit, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = store.getSnapshot().session;
      let moved: { id: string; position: { x: number; y: number } }[] | null = null;
      let last = false;
      let sel: Set<string> | null = null;
      for (const ch of changes) {
        if (ch.type === 'position' && ch.position && !isLane(ch.id)) {
          (moved ??= []).push({ id: ch.id, position: ch.position });
          last ||= ch.dragging === false;
        } else if (ch.type === 'select' && !isLane(ch.id)) {
          sel ??= new Set(s.selection.competencies);
          if (ch.selected) sel.add(ch.id);
          else sel.delete(ch.id);
        }
      }
      // a card drag a pinch took over (touch/useTwoFingerZoom): its end moves nothing
      if (moved && pinched.current) {
        if (last) pinched.current = false;
        moved = null;
      }
      if (moved) {
        const snap = store.getSnapshot();
        live.current ??= startLiveDrag(flowStore, snap.doc.framework, snap.session.laneOrientation, snap.session.collapsedDomains);
        live.current.move(moved);
        // React Flow ends a gesture it aborts (a second touch) without onNodeDragStop: end it here then
        if (last) queueMicrotask(() => live.current && endGesture.current());
      }
      if (sel) {
        const competencies = [...sel] as CompetencyId[];
        store.setSession((cur) => ({ selection: { competencies, links: cur.selection.links } }));
      }
    },
    [store, flowStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<Edge>[]) => {
      let sel: Set<string> | null = null;
      const s = store.getSnapshot().session;
      for (const ch of changes) {
        if (ch.type !== 'select') continue;
        sel ??= new Set(s.selection.links);
        if (ch.selected) sel.add(ch.id);
        else sel.delete(ch.id);
      }
      if (sel) {
        const links = [...sel] as LinkId[];
        store.setSession((cur) => ({ selection: { competencies: cur.selection.competencies, links } }));
      }
    },
    [store],
  );

  // Box selection (Shift+drag) over the overview: React Flow's own finds nothing there (its nodes are
  // hidden), so the rectangle's last extent is kept and the competencies under it are selected at the end.
  // Zoomed in, React Flow selects among the cards the windower hands it: a card that came into view at the
  // box's moving corner in the last frame before the release (riding the auto-pan) is not among them yet,
  // so what the final box touches is added at the end.
  const overviewOn = useRef(false);
  overviewOn.current = lod.overview;
  const boxRect = useRef<FlowRect | null>(null);
  useEffect(
    () =>
      flowStore.subscribe((s) => {
        if (s.userSelectionActive && s.userSelectionRect) boxRect.current = flowRectOf(s.userSelectionRect, s.transform);
      }),
    [flowStore],
  );
  const onSelectionStart = useCallback(() => void (boxRect.current = null), []);
  const onSelectionEnd = useCallback(() => {
    const rect = boxRect.current;
    boxRect.current = null;
    if (!rect) return;
    const { doc, session } = store.getSnapshot();
    const hidden = session.collapsedDomains.length ? collapseViewCached(doc.framework, session.collapsedDomains).hiddenBy : null;
    const competencies = competenciesInRect(doc.framework.competencies, rect, hidden) as CompetencyId[];
    if (overviewOn.current) return store.setSession({ selection: { competencies, links: [] } });
    const have = new Set<string>(session.selection.competencies);
    const missed = competencies.filter((id) => !have.has(id));
    if (missed.length) store.setSession((cur) => ({ selection: { competencies: [...cur.selection.competencies, ...missed], links: cur.selection.links } }));
  }, [store]);

  // A pinch that starts with a finger on a card zooms the map (touch/useTwoFingerZoom), and the card that finger
  // began to drag goes back where it was: nothing moves, no undo step (`pinched`, above).
  const pinchView = useMemo(
    () => ({
      get: () => rf.getViewport(),
      set: (vp: { x: number; y: number; zoom: number }) => void rf.setViewport(vp),
      limits: () => ({ min: flowStore.getState().minZoom, max: flowStore.getState().maxZoom }),
    }),
    [rf, flowStore],
  );
  const onPinchTakeOver = useCallback(() => {
    if (!live.current) return;
    live.current.finish();
    live.current = null;
    pinched.current = true;
    rerender();
  }, []);
  useTwoFingerZoom(wrapper, pinchView, onPinchTakeOver);

  // One gesture = one undo step; a refused move (e.g. a locked framework) snaps back.
  const endGesture = useRef<() => void>(() => undefined);
  const onNodeDragStop = useCallback(() => {
    pinched.current = false;
    const gesture = live.current;
    live.current = null;
    if (!gesture) return;
    // React Flow's internals and the DOM go back to the flow model's nodes; the commit re-derives the moved ones
    const drag = gesture.finish();
    // a card dropped into another domain's lane joins that domain, in the same undo step (lanes/laneDrop.ts)
    const { doc, session } = store.getSnapshot();
    const drop = Object.keys(drag).length ? laneDrop(doc.framework, session.laneOrientation, session.collapsedDomains, drag) : null;
    if (drop?.kind === 'refuse') store.notify('info', drop.message);
    const r = drop?.kind === 'commit' ? store.run(drop.command) : null;
    if (r && !r.ok) store.notify('error', r.error.message);
    else if (r?.changed && drop?.kind === 'commit' && drop.joined) store.notify('info', `${r.label.replace(/^move /, 'Moved ')}.`);
    if (!r?.ok || !r.changed) rerender(); // nothing moved: the canvas drops any positions it folded in mid-gesture
  }, [store]);
  endGesture.current = onNodeDragStop;

  const isValidConnection = useCallback(
    (c: Edge | Connection) => !isLane(c.source) && !isLane(c.target) && !linkRefusal(store.getSnapshot().doc.framework, c.source, c.target, reconnecting.current ?? undefined),
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (linkCompetencies(store, c.source as CompetencyId, c.target as CompetencyId)) {
        store.setSession({ selection: { competencies: [c.target as CompetencyId], links: [] } });
      }
    },
    [store],
  );

  /** A refused connection explains itself (e.g. the cycle it would close). */
  const explainRefusal = useCallback(
    (state: FinalConnectionState, ignore?: string) => {
      if (state.isValid || !state.fromNode || !state.toNode || !state.fromHandle) return;
      const a = state.fromNode.id;
      const b = state.toNode.id;
      if (a === b || isLane(a) || isLane(b)) return;
      const [from, to] = state.fromHandle.type === 'source' ? [a, b] : [b, a];
      const why = linkRefusal(store.getSnapshot().doc.framework, from, to, ignore);
      if (why) store.notify('error', why.message);
    },
    [store],
  );
  /**
   * A link dragged from a card's dot and let go on another card's body (not near its dot) links the two, as a
   * drop on the dot does: a finger cannot aim at a dot a few pixels wide, and the card is where it lands. True
   * when the drop was on a card (linked, or refused with the reason).
   */
  const dropOnCard = useCallback(
    (state: FinalConnectionState): boolean => {
      if (state.isValid || state.toHandle || !state.fromNode || !state.fromHandle || !state.pointer) return false;
      const pane = wrapper.current?.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return false;
      const hit = document.elementFromPoint(pane.left + state.pointer.x, pane.top + state.pointer.y);
      const id = hit?.closest('.react-flow__node-competency')?.getAttribute('data-id');
      const start = state.fromNode.id;
      if (!id || id === start || isLane(id)) return false;
      const [from, to] = (state.fromHandle.type === 'source' ? [start, id] : [id, start]) as [CompetencyId, CompetencyId];
      if (linkCompetencies(store, from, to)) store.setSession({ selection: { competencies: [to], links: [] } });
      return true;
    },
    [store],
  );
  // (a reconnection ends here too, before onReconnectEnd: it keeps to the dots)
  const onConnectEnd = useCallback(
    (_: unknown, state: FinalConnectionState) => {
      if (!reconnecting.current && dropOnCard(state)) return;
      explainRefusal(state);
    },
    [explainRefusal, dropOnCard],
  );
  const onReconnectStart = useCallback((_: unknown, edge: Edge) => void (reconnecting.current = edge.id), []);
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const r = store.run(reconnectPrerequisite(old.id as LinkId, c.source as CompetencyId, c.target as CompetencyId));
      if (!r.ok) store.notify('error', r.error.message);
    },
    [store],
  );
  const onReconnectEnd = useCallback(
    (_: unknown, edge: Edge, _h: unknown, state: FinalConnectionState) => {
      explainRefusal(state, edge.id);
      reconnecting.current = null;
    },
    [explainRefusal],
  );

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as Element;
      if (target.closest('.react-flow__node-competency')) {
        // Double-click a competency: edit its statement in the inspector.
        store.setSession({ panel: 'inspector' });
        focusField('field-statement');
        return;
      }
      if (!target.classList.contains('react-flow__pane')) return;
      // Double-click a collapsed domain painted on the overview: expand it, as its card does on the full canvas.
      const { doc, session } = store.getSnapshot();
      if (overviewOn.current && session.collapsedDomains.length) {
        const r = target.getBoundingClientRect();
        const groups = collapseViewCached(doc.framework, session.collapsedDomains).groups;
        const hit = collapsedDomainAt(groups, { x: e.clientX - r.left, y: e.clientY - r.top }, flowStore.getState().transform, { w: COLLAPSED_W, h: COLLAPSED_H });
        if (hit) {
          expandDomain(store, hit as DomainId);
          return;
        }
      }
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // in a domain's lane, the new competency is that domain's (lanes/laneDrop.ts)
      const lane = laneDomainAt(doc.framework, session.laneOrientation, session.collapsedDomains, p);
      createCompetency(store, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 }, lane ? { domainId: lane } : undefined);
    },
    [rf, store, flowStore],
  );

  // the lane strip beside the map (lanes/LaneLabels): the domains' headers, outside React Flow's pane
  // (only once there is a lane: a domain with no competency yet has none; lane nodes come first in the list)
  const strip = laneOrientation !== 'none' && framework.domains.length > 0 && !empty && nodes[0]?.type === 'lane' ? (laneOrientation === 'vertical' ? 'top' : 'left') : null;

  const minimapColor = useCallback((n: Node) => (n.type === 'lane' ? 'transparent' : ((n.data as { domainColor?: string | null }).domainColor ?? '#8a94a6')), []);

  return (
    <>
    {strip && <LaneLabels side={strip} />}
    <div className={`canvas${strip ? ` beside-strip-${strip}` : ''}${linkingFrom ? ' is-linking' : ''}`} ref={wrapper} onDoubleClick={onDoubleClick} data-testid="canvas">
      <LinkSourceContext.Provider value={linkingFrom}>
      <ReactFlow<FlowNode, Edge>
        nodes={lod.nodes}
        edges={lod.edges}
        onlyRenderVisibleElements={lod.large}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionStart={onSelectionStart}
        onSelectionEnd={onSelectionEnd}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        edgesReconnectable
        // links are not Tab stops (52 of them came before the first competency); the inspector lists and edits
        // a competency's links from the keyboard, and a clicked link still takes Delete
        edgesFocusable={false}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        selectionMode={SelectionMode.Partial}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        connectionRadius={28}
        minZoom={minZoom}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT}
        colorMode={colorMode}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      >
        <MapDots />
        <ArrowMarker />
        {lod.overview && (
          <OverviewLayer framework={framework} dragPositions={null} direction={laneOrientation === 'vertical' ? 'TB' : 'LR'} selected={selection.competencies} />
        )}
        {showMinimap && !empty && !paintedMinimap && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} nodeBorderRadius={8} position="bottom-right" ariaLabel="Mini map" style={minimap} />}
        {showMinimap && !empty && paintedMinimap && <OverviewMiniMap framework={framework} direction={laneOrientation === 'vertical' ? 'TB' : 'LR'} ariaLabel="Mini map" size={minimap} />}
      </ReactFlow>
      </LinkSourceContext.Provider>
    </div>
    <LinkModeBar />
    {/* The empty canvas's start button and the zoom buttons come after the canvas: Tab inside the canvas walks
        the competencies (app/useKeyboard.ts), and past the last one leaves for the first control after it. */}
    {empty && <EmptyCanvas />}
    <MapControls empty={empty} onFit={fitButton} several={several.on} onSeveral={toggleSeveral} />
    </>
  );
}

/** The mastery-map canvas. React Flow's nodes and edges are derived from the store, never stored. */
export function Canvas(props: { colorMode: 'light' | 'dark' | 'system'; showMinimap: boolean }) {
  return (
    <ReactFlowProvider>
      <CanvasFlow {...props} />
    </ReactFlowProvider>
  );
}
