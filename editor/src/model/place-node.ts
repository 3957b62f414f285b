/** A node's box on the canvas, as far as placement needs it. */
export interface PlacedBox {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
}

export interface PlaceOptions {
  /** The new node's size before React Flow has measured it. */
  size?: { width: number; height: number };
  /** Clear space kept around every node. */
  gap?: number;
}

const DEFAULT_SIZE = { width: 220, height: 110 };
const DEFAULT_GAP = 24;
/** Rings searched before giving up and stacking below everything (never reached on real flows). */
const MAX_RINGS = 40;

/**
 * Where a new node goes: the free spot nearest to `anchor` (its wanted top-left corner) where
 * its box, grown by `gap`, overlaps no existing node. Candidates are searched ring by ring on a
 * grid of half a node, nearest first, so the node lands beside what the operator is looking at
 * instead of on the trigger.
 * @example placeNode([{ position: { x: 0, y: 0 } }], { x: 0, y: 0 }) // { x: 0, y: 134 } or beside it
 */
export function placeNode(
  existing: readonly PlacedBox[],
  anchor: { x: number; y: number },
  options: PlaceOptions = {},
): { x: number; y: number } {
  const size = options.size ?? DEFAULT_SIZE;
  const gap = options.gap ?? DEFAULT_GAP;
  const boxes = existing.map(boxOf);
  const free = (x: number, y: number) =>
    boxes.every(
      (b) =>
        x + size.width + gap <= b.x ||
        b.x + b.width + gap <= x ||
        y + size.height + gap <= b.y ||
        b.y + b.height + gap <= y,
    );
  const start = { x: Math.round(anchor.x), y: Math.round(anchor.y) };
  if (free(start.x, start.y)) return start;
  const stepX = Math.round(size.width / 2);
  const stepY = Math.round(size.height / 2);
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const x = start.x + i * stepX;
        const y = start.y + j * stepY;
        candidates.push({ x, y, d: Math.hypot(x - start.x, y - start.y) });
      }
    }
    // Nearest first; on a tie, prefer right of and below the anchor (the way flows read).
    candidates.sort((a, b) => a.d - b.d || b.x - a.x || b.y - a.y);
    const spot = candidates.find((c) => free(c.x, c.y));
    if (spot) return { x: spot.x, y: spot.y };
  }
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: start.x, y: bottom + gap };
}

/**
 * Where to look for room for a new node: right of the selected node (the step that usually
 * comes next), else the middle of the view (`viewCentre`, in flow coordinates).
 */
export function placementAnchor(
  nodes: readonly (PlacedBox & { selected?: boolean })[],
  viewCentre: { x: number; y: number },
  options: PlaceOptions = {},
): { x: number; y: number } {
  const size = options.size ?? DEFAULT_SIZE;
  const selected = nodes.filter((n) => n.selected).map(boxOf);
  const last = selected[selected.length - 1];
  if (last) return { x: last.x + last.width + 3 * (options.gap ?? DEFAULT_GAP), y: last.y };
  return { x: viewCentre.x - size.width / 2, y: viewCentre.y - size.height / 2 };
}

function boxOf(n: PlacedBox): { x: number; y: number; width: number; height: number } {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.width ?? DEFAULT_SIZE.width,
    height: n.measured?.height ?? n.height ?? DEFAULT_SIZE.height,
  };
}
