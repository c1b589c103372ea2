import { ControlButton, Controls, useReactFlow, useStore as useFlowStore } from '@xyflow/react';

/**
 * The map's own buttons (bottom left): zoom in, zoom out, Fit, Select several. With a mouse, small icons named
 * by their tooltips as React Flow draws them; where the screen can be touched (a touch never shows a tooltip)
 * each shows its name under its icon and is a finger-sized target, two by two so they cover little of the map
 * (styles: `.map-control-label`, app.css). Their accessible names are the same either way. The zoom buttons are
 * drawn here rather than by React Flow so they can carry a visible name; they zoom and turn off at the zoom
 * limits as React Flow's own do.
 */
export function MapControls(props: { empty: boolean; onFit: () => void; several: boolean; onSeveral: () => void }) {
  const { zoomIn, zoomOut } = useReactFlow();
  const minReached = useFlowStore((s) => s.transform[2] <= s.minZoom);
  const maxReached = useFlowStore((s) => s.transform[2] >= s.maxZoom);
  return (
    <Controls showZoom={false} showInteractive={false} showFitView={false} position="bottom-left">
      <ControlButton className="react-flow__controls-zoomin" onClick={() => void zoomIn()} disabled={maxReached} title="Zoom in" aria-label="Zoom in">
        <PlusIcon />
        <Label>Zoom in</Label>
      </ControlButton>
      <ControlButton className="react-flow__controls-zoomout" onClick={() => void zoomOut()} disabled={minReached} title="Zoom out" aria-label="Zoom out">
        <MinusIcon />
        <Label>Zoom out</Label>
      </ControlButton>
      {/* React Flow's own fit button would frame only the nodes it knows (a window of a large map) */}
      <ControlButton className="react-flow__controls-fitview" onClick={props.onFit} title="Fit the whole map (F)" aria-label="Fit view">
        <FitViewIcon />
        <Label>Fit</Label>
      </ControlButton>
      {!props.empty && (
        <ControlButton
          className={`select-several${props.several ? ' is-on' : ''}`}
          onClick={props.onSeveral}
          aria-pressed={props.several}
          aria-label="Select several"
          title={props.several ? 'Select several is on: a tap adds a competency to the selection or takes it out (tap to stop)' : 'Select several: a tap adds a competency to the selection (like Shift+click)'}
          data-testid="select-several"
        >
          <SelectSeveralIcon />
          <Label>Select several</Label>
        </ControlButton>
      )}
    </Controls>
  );
}

/** The name shown under a button's icon on a touch screen; hidden with a mouse (the tooltip names it). */
function Label({ children }: { children: string }) {
  return (
    <span className="map-control-label" aria-hidden>
      {children}
    </span>
  );
}

/** React Flow's zoom-in icon. */
function PlusIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden>
      <path d="M32 18.133H18.133V32h-4.266V18.133H0v-4.266h13.867V0h4.266v13.867H32z" />
    </svg>
  );
}

/** React Flow's zoom-out icon. */
function MinusIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 5" aria-hidden>
      <path d="M0 0h32v4.2H0z" />
    </svg>
  );
}

/** Two cards, each ticked: "Select several". */
function SelectSeveralIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M3 4h10v7H3zM11 13h10v7H11zM5.5 7.5l1.5 1.5 3-3M13.5 16.5l1.5 1.5 3-3" />
    </svg>
  );
}

/** React Flow's fit-view icon (its Controls button, which the canvas replaces). */
function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden>
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}
