import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { HOST_METHODS, type HostChannel, type HostChannels } from '../../src-core/host/contract';

/** Every request channel of the host API, from the contract's method map. */
export const HOST_CHANNELS = Object.values(HOST_METHODS) as HostChannel[];

/** Internal, fixed channels from our preload (not part of `window.host`). */
export const PRELOAD_CHANNELS = {
  /** The renderer subscribed to a host event: queued events of that kind can be delivered. */
  listening: 'host:listening',
  /** Files the user dropped on the window (paths read by the preload from a trusted drop event). */
  dropped: 'host:dropped-files',
} as const;

/** Who is calling: the window (by web-contents id) whose main frame sent the request. */
export interface CallContext {
  owner: number;
}

/**
 * One handler per channel. Requests arrive as `unknown` (whatever the renderer sent) and must be
 * checked by the handler; the response type comes from the contract.
 */
export type HostHandlers = {
  [C in HostChannel]: (ctx: CallContext, request: unknown) => Promise<HostChannels[C]['response']> | HostChannels[C]['response'];
};

/** The parts of `ipcMain` used here (a fake in tests). */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on'>;

/** Decides whether an event comes from one of our windows' own page; returns its context or undefined. */
export type SenderCheck = (event: IpcMainInvokeEvent | IpcMainEvent) => CallContext | undefined;

/** Raised to the renderer (as a rejected promise) when a request comes from a frame we do not trust. */
export class ForbiddenSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the request did not come from the Progressions window.`);
  }
}

/**
 * Registers every channel of the contract through one typed helper: the sender frame is checked
 * first, then the handler gets the request as `unknown`. Returns a function that unregisters all.
 */
export function registerHostHandlers(ipc: IpcMainLike, handlers: HostHandlers, check: SenderCheck): () => void {
  for (const channel of HOST_CHANNELS) {
    const handler = handlers[channel] as (ctx: CallContext, request: unknown) => unknown;
    ipc.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
      const ctx = check(event);
      if (!ctx) throw new ForbiddenSenderError(channel);
      return handler(ctx, request);
    });
  }
  return () => {
    for (const channel of HOST_CHANNELS) ipc.removeHandler(channel);
  };
}

/** Registers a fire-and-forget message from our preload, with the same sender check. */
export function onPreloadMessage(ipc: IpcMainLike, channel: string, check: SenderCheck, listener: (ctx: CallContext, payload: unknown) => void): void {
  ipc.on(channel, (event: IpcMainEvent, payload: unknown) => {
    const ctx = check(event);
    if (ctx) listener(ctx, payload);
  });
}
