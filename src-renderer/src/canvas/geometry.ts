import { CARD_SIZE } from '../../../src-core/layout/lanePlacement';

/** Rendered size of a competency node (fixed, so layout and lanes can use it before measuring). */
export const NODE_W = CARD_SIZE.width;
export const NODE_H = CARD_SIZE.height;
/** Layout spacing. */
export const NODE_SEP = 28;
export const LAYER_SEP = 90;
