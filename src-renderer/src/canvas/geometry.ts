/** Rendered size of a competency node (fixed, so layout and lanes can use it before measuring). */
export const NODE_W = 240;
export const NODE_H = 112;
/** Layout spacing. */
export const NODE_SEP = 28;
export const LAYER_SEP = 90;
