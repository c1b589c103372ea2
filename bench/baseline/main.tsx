/**
 * The stock React Flow baseline of the browser benchmark (bench/browser.ts): the same generated
 * progression our canvas opens, rendered the way a developer following the React Flow docs would —
 * default nodes showing the code and statement, default edges, controlled nodes with
 * `applyNodeChanges`, `fitView`, no level-of-detail. `?open=<url>` loads a framework file (positions
 * from the file); `&visible=1` adds `onlyRenderVisibleElements`. Zoom limits and fit padding match
 * our canvas (src-renderer/src/canvas/Canvas.tsx) so the same pan/zoom procedure applies: the smallest
 * zoom is our `minZoomFor` the map, so opening fits the whole map as ours does.
 */
import '@xyflow/react/dist/style.css';
import { ReactFlow, applyEdgeChanges, applyNodeChanges, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Framework } from '../../src-core/model/types';
import { minZoomFor } from '../../src-renderer/src/canvas/lod/zoomLimits';

interface FileCompetency {
  id: string;
  code: string;
  statement: string;
  position: { x: number; y: number };
}
interface FileLink {
  id: string;
  from: string;
  to: string;
}

const params = new URLSearchParams(location.search);
const onlyVisible = params.get('visible') === '1';

function Flow({ initialNodes, initialEdges, minZoom }: { initialNodes: Node[]; initialEdges: Edge[]; minZoom: number }) {
  const [nodes, setNodes] = useState(initialNodes);
  const [edges, setEdges] = useState(initialEdges);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)), []);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onlyRenderVisibleElements={onlyVisible}
      minZoom={minZoom}
      maxZoom={2.5}
      fitView
      fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
    />
  );
}

function App() {
  const [graph, setGraph] = useState<{ nodes: Node[]; edges: Edge[]; minZoom: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const url = params.get('open');
    if (!url) {
      setError('Add ?open=<framework file URL>');
      return;
    }
    fetch(url)
      .then((r) => r.json())
      .then((file: { framework: { competencies: Record<string, FileCompetency>; prerequisites: Record<string, FileLink> } }) => {
        const fw = file.framework;
        setGraph({
          nodes: Object.values(fw.competencies).map((c) => ({ id: c.id, position: c.position, data: { label: `${c.code} ${c.statement}` } })),
          edges: Object.values(fw.prerequisites).map((l) => ({ id: l.id, source: l.from, target: l.to })),
          minZoom: minZoomFor(fw.competencies as unknown as Framework['competencies'], { width: innerWidth, height: innerHeight }),
        });
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p>{error}</p>;
  if (!graph) return <p>Loading…</p>;
  return <Flow initialNodes={graph.nodes} initialEdges={graph.edges} minZoom={graph.minZoom} />;
}

createRoot(document.getElementById('root')!).render(<App />);
