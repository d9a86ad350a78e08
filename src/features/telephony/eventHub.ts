import { EventEmitter } from "node:events";

/**
 * Live events for signed-in users' open browsers (server-sent events). In-process: with several
 * app instances, an event reaches only the browsers connected to the instance that raised it —
 * PostgreSQL LISTEN/NOTIFY is the way to fan out when that matters.
 */
export interface UserEvent {
  type: "inbound_call" | "alert";
  data: Record<string, unknown>;
}

export class EventHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(userId: number, event: UserEvent): void {
    this.emitter.emit(`user:${userId}`, event);
  }

  subscribe(userId: number, listener: (event: UserEvent) => void): () => void {
    this.emitter.on(`user:${userId}`, listener);
    return () => this.emitter.off(`user:${userId}`, listener);
  }
}
