/**
 * Room kept clear when the view is fitted. The minimap and zoom controls sit below the canvas
 * (see CanvasNav), so a margin is enough; the bottom keeps the last node's cost badge in view.
 */
export const FIT_PADDING = { top: '24px', right: '40px', bottom: '40px', left: '24px' } as const;

/** How every "fit the view" in the editor fits it. */
export const FIT_OPTIONS = { maxZoom: 1.2, padding: FIT_PADDING } as const;
