import { describe, expect, it } from 'vitest';
import { placeNode, placementAnchor, type PlacedBox } from '../../editor/src/model/place-node.js';

const SIZE = { width: 220, height: 110 };
const GAP = 24;
const box = (x: number, y: number, width = 220, height = 110): PlacedBox => ({
  position: { x, y },
  measured: { width, height },
});

/** True when the new box (with the gap) overlaps none of `existing`. */
function clear(existing: PlacedBox[], at: { x: number; y: number }): boolean {
  return existing.every((n) => {
    const w = n.measured?.width ?? SIZE.width;
    const h = n.measured?.height ?? SIZE.height;
    return (
      at.x + SIZE.width + GAP <= n.position.x ||
      n.position.x + w + GAP <= at.x ||
      at.y + SIZE.height + GAP <= n.position.y ||
      n.position.y + h + GAP <= at.y
    );
  });
}

describe('placeNode', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(placeNode([box(0, 0)], { x: 600, y: 0 })).toEqual({ x: 600, y: 0 });
    expect(placeNode([], { x: 12.4, y: 7.6 })).toEqual({ x: 12, y: 8 });
  });

  it('never drops a node on the trigger of a new flow, and stays near it', () => {
    // newFlow() puts the trigger at (40, 120); the view's centre lands on it in a fresh flow.
    const trigger = box(40, 120, 220, 70);
    const at = placeNode([trigger], { x: 40, y: 120 });
    expect(clear([trigger], at)).toBe(true);
    expect(Math.hypot(at.x - 40, at.y - 120)).toBeLessThan(300);
  });

  it('gives every one of many nodes added at the same spot its own place', () => {
    const placed: PlacedBox[] = [box(0, 0)];
    for (let i = 0; i < 12; i++) {
      const at = placeNode(placed, { x: 0, y: 0 });
      expect(clear(placed, at), `node ${i}`).toBe(true);
      placed.push(box(at.x, at.y));
    }
  });

  it('uses measured sizes: a tall node pushes the new one further', () => {
    const tall = box(0, 0, 220, 400);
    const at = placeNode([tall], { x: 0, y: 100 });
    expect(clear([tall], at)).toBe(true);
  });
});

describe('placementAnchor', () => {
  it('looks right of the selected node, else around the middle of the view', () => {
    const nodes = [
      { ...box(100, 50), selected: false },
      { ...box(400, 80), selected: true },
    ];
    expect(placementAnchor(nodes, { x: 0, y: 0 })).toEqual({ x: 400 + 220 + 3 * GAP, y: 80 });
    expect(placementAnchor([{ ...box(100, 50), selected: false }], { x: 500, y: 300 })).toEqual({
      x: 500 - 110,
      y: 300 - 55,
    });
  });
});
