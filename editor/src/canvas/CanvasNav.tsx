import { Controls, MiniMap } from '@xyflow/react';
import { FIT_OPTIONS } from './fit-padding.js';

/**
 * Zoom controls and the minimap, drawn beside the problems list below the canvas rather than
 * over it, so they never hide a node or its cost badge. They only need the React Flow store,
 * which the editor's provider shares outside the canvas.
 */
export function CanvasNav() {
  return (
    <div className="canvas-nav" data-testid="canvas-nav">
      <Controls showInteractive={false} orientation="vertical" fitViewOptions={FIT_OPTIONS} />
      <MiniMap pannable zoomable style={{ width: 180, height: 110 }} />
    </div>
  );
}
